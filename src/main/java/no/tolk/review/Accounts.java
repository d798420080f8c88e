package no.tolk.review;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Desk users in a text file ({@code tolk.desk.users-file}, default {@code <home>/desk-users.txt}), one per line:
 * {@code name:role:bcrypt-hash}. Passwords are hashed with bcrypt (cost 12, at.favre.lib:bcrypt); the file is
 * written atomically and readable by its owner only. Managed by {@code tolk user add|passwd|remove}.
 */
public final class Accounts {

    /** bcrypt cost factor: 2^12 rounds, about 0.2-0.3 s per check on a small server (OWASP: at least 10). */
    static final int COST = 12;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    /** Checked against when the user does not exist, so an unknown name takes as long as a wrong password. */
    private static final class Dummy {
        static final String HASH = new String(BCrypt.withDefaults().hash(COST, "not-a-password".toCharArray()), StandardCharsets.US_ASCII);
    }
    /** Shortest password accepted (NIST SP 800-63B: at least 8). */
    public static final int MIN_PASSWORD = 10;

    public record User(String name, Role role, String hash) {
    }

    private final Path file;

    public Accounts(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** The user when the password matches, else empty (also for unknown users, after the same work). */
    public Optional<User> verify(String name, String password) {
        Optional<User> user = find(name);
        String hash = user.map(User::hash).orElseGet(() -> Dummy.HASH);
        boolean ok = BCrypt.verifyer().verify(password == null ? new char[0] : password.toCharArray(), hash.toCharArray()).verified;
        return ok ? user : Optional.empty();
    }

    public Optional<User> find(String name) {
        return Optional.ofNullable(read().get(name));
    }

    public List<User> list() {
        return List.copyOf(read().values());
    }

    /** @throws IllegalArgumentException when the name is taken or unusable, or the password too short */
    public synchronized void add(String name, Role role, String password) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a user name is 1-64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit");
        }
        Map<String, User> users = read();
        if (users.containsKey(name)) throw new IllegalArgumentException("user " + name + " exists; use 'tolk user passwd'");
        users.put(name, new User(name, role, hash(password)));
        write(users);
    }

    public synchronized void passwd(String name, String password) {
        Map<String, User> users = read();
        User user = users.get(name);
        if (user == null) throw new IllegalArgumentException("no user " + name);
        users.put(name, new User(name, user.role(), hash(password)));
        write(users);
    }

    public synchronized void remove(String name) {
        Map<String, User> users = read();
        if (users.remove(name) == null) throw new IllegalArgumentException("no user " + name);
        write(users);
    }

    private static String hash(String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new IllegalArgumentException("a password needs at least " + MIN_PASSWORD + " characters");
        }
        return new String(BCrypt.withDefaults().hash(COST, password.toCharArray()), StandardCharsets.US_ASCII);
    }

    private Map<String, User> read() {
        Map<String, User> users = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) return users;
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] parts = line.strip().split(":", 3);
                if (parts.length != 3) continue;
                users.put(parts[0], new User(parts[0], Role.parse(parts[1]), parts[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the desk users file " + file + ": " + e.getMessage(), e);
        }
        return users;
    }

    private void write(Map<String, User> users) {
        List<String> lines = new ArrayList<>();
        lines.add("# Tolk review desk users: name:role:bcrypt-hash. Manage with 'tolk user add|passwd|remove'.");
        users.values().forEach(user -> lines.add(user.name() + ":" + user.role().label() + ":" + user.hash()));
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, ".desk-users", ".tmp");
            try {
                Files.write(temporary, lines, StandardCharsets.UTF_8);
                try {
                    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the folder's permissions apply
                }
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the desk users file " + file + ": " + e.getMessage(), e);
        }
    }
}
