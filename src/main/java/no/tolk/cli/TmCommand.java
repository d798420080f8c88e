package no.tolk.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import no.tolk.config.Settings;
import no.tolk.translate.memory.TmxExchange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tolk tm import FILE.tmx} and {@code tolk tm export FILE.tmx}: the translation memory as TMX 1.4b. */
@Command(name = "tm", description = "Exchange the translation memory with CAT tools as TMX 1.4b (see docs/xliff.md).",
        subcommands = {TmCommand.Import.class, TmCommand.Export.class})
public class TmCommand implements Runnable {

    @Override
    public void run() {
        System.err.println("tolk tm: say 'import FILE.tmx' or 'export FILE.tmx'");
    }

    /** Common options: home, languages. */
    static class Languages {
        @Option(names = "--source", paramLabel = "LANG", defaultValue = "nb", description = "Source language (default nb)")
        String source;
        @Option(names = "--target", paramLabel = "LANG", defaultValue = "en", description = "Target language (default en)")
        String target;
    }

    @Command(name = "import", description = "Add a TMX file's translation units to the memory as exact matches (cost 0)."
            + " Importing the same file again changes nothing; a file that cannot be read changes nothing."
            + " A home folder without a database yet gets one, so a memory can be imported before the first run.")
    static class Import implements Callable<Integer> {
        @Mixin
        HomeOption home;
        @Mixin
        Languages languages = new Languages();
        @Parameters(paramLabel = "FILE.tmx")
        Path file;

        @Override
        public Integer call() {
            Settings settings = Settings.load(home.resolve());
            // the organisation's memory may be imported into a new home before its first run
            TmxExchange exchange = new TmxExchange(StoreAccess.openOrCreate(settings), Clock.systemUTC());
            try {
                long started = System.nanoTime();
                TmxExchange.ImportResult result = exchange.importTmx(file, languages.source, languages.target);
                long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
                System.out.printf("tolk tm import: %s: %d units read, %d added, %d changed, %d already in the memory,"
                                + " %d without both languages (%d ms)%n", file.getFileName(), result.read(), result.added(),
                        result.changed(), result.unchanged(), result.skipped(), millis);
                return 0;
            } catch (TmxExchange.UnusableTmxException e) {
                System.err.println("tolk tm import: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "export", description = "Write the memory's approved segments as a TMX 1.4b file for a CAT tool.")
    static class Export implements Callable<Integer> {
        @Mixin
        HomeOption home;
        @Mixin
        Languages languages = new Languages();
        @Parameters(paramLabel = "FILE.tmx")
        Path file;

        @Override
        public Integer call() throws Exception {
            Settings settings = Settings.load(home.resolve());
            int written = new TmxExchange(StoreAccess.open(settings), Clock.systemUTC())
                    .exportTmx(file, languages.source, languages.target);
            System.out.printf("tolk tm export: %d translation units written to %s%n", written, file);
            return 0;
        }
    }
}
