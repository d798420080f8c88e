package no.tolk.store;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL server for tests: {@code initdb} in a temporary folder, started on a free loopback
 * port, removed on close. Uses the binaries of the installed {@code postgresql} package (Debian keeps them in
 * /usr/lib/postgresql/N/bin); as root it runs them as the {@code postgres} user, since PostgreSQL refuses root.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String USER = "tolk";
    public static final String DATABASE = "tolk";

    private final Path binaries;
    private final Path folder;
    private final int port;

    private LocalPostgres(Path binaries, Path folder, int port) {
        this.binaries = binaries;
        this.folder = folder;
        this.port = port;
    }

    /** The directory holding initdb, pg_ctl and postgres, or empty when PostgreSQL is not installed. */
    public static Optional<Path> installation() {
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Optional<Path> newest = versions.map(version -> version.resolve("bin"))
                        .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                        .max(Comparator.comparing(bin -> Integer.parseInt(bin.getParent().getFileName().toString().replaceAll("\\D", "0"))));
                if (newest.isPresent()) return newest;
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .map(Path::of).filter(bin -> Files.isExecutable(bin.resolve("initdb"))).findFirst();
    }

    public static LocalPostgres start(Path binaries) throws IOException, InterruptedException {
        Path folder = Files.createTempDirectory("tolk-postgres");
        if (isRoot()) {
            UserPrincipal postgres = folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(folder, postgres);
        }
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        LocalPostgres server = new LocalPostgres(binaries, folder, port);
        server.run("initdb", "-D", folder.resolve("data").toString(), "-U", USER, "--auth=trust", "--encoding=UTF8", "--no-locale");
        server.run("pg_ctl", "-D", folder.resolve("data").toString(), "-l", folder.resolve("server.log").toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
        server.run("createdb", "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", USER, DATABASE);
        return server;
    }

    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    private void run(String program, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (isRoot()) command.addAll(List.of("runuser", "-u", "postgres", "--"));
        command.add(binaries.resolve(program).toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(program + " failed: " + output);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    @Override
    public void close() throws Exception {
        try {
            run("pg_ctl", "-D", folder.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
