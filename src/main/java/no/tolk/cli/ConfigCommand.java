package no.tolk.cli;

import java.util.List;
import java.util.concurrent.Callable;
import no.tolk.config.ConfigValidator;
import no.tolk.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tolk config check}: the effective configuration, where each value comes from, and what is wrong with it. */
@Command(name = "config", description = "Configuration tools.", subcommands = ConfigCommand.Check.class)
public class ConfigCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(name = "check", description = "Print the effective configuration (secrets masked) with where each value came from"
            + " (default, home file, system property, environment), then check it; exit 2 when it cannot work.")
    public static class Check implements Callable<Integer> {

        @Mixin
        HomeOption home;

        @Override
        public Integer call() {
            Settings settings = Settings.load(home.resolve());
            String format = "%-48s %-40s %s%n";
            System.out.printf(format, "KEY", "VALUE", "FROM");
            for (String key : ConfigValidator.knownKeys(settings)) {
                String value = settings.get(key);
                String origin = settings.origin(key);
                if (origin.equals("unset")) continue;
                System.out.printf(format, key, show(key, value), origin);
            }
            List<String> secrets = ConfigValidator.secretNames(settings);
            if (!secrets.isEmpty()) {
                System.out.println();
                System.out.println("Secrets (environment only):");
                for (String name : secrets) {
                    String direct = settings.environment().get(name);
                    String file = settings.environment().get(name + "_FILE");
                    String state = direct != null && !direct.isBlank() ? "set (environment " + name + ", ****)"
                            : file != null && !file.isBlank() ? "from file " + file + " (" + name + "_FILE)" : "NOT SET";
                    System.out.printf("  %-28s %s%n", name, state);
                }
            }
            List<String> problems = ConfigValidator.problems(settings);
            System.out.println();
            List<String> warnings = ConfigValidator.warnings(settings);
            warnings.forEach(warning -> System.out.println("Warning: " + warning));
            if (problems.isEmpty()) {
                System.out.println(warnings.isEmpty() ? "Configuration OK." : "Configuration OK, with " + warnings.size() + " warning(s) above.");
                return TolkCommand.OK;
            }
            System.err.println("The configuration cannot work (" + problems.size() + " problem(s)):");
            problems.forEach(problem -> System.err.println("  - " + problem));
            return TolkCommand.USAGE;
        }

        private static String show(String key, String value) {
            if (value == null || value.isEmpty()) return "(empty)";
            if (ConfigValidator.isSecret(key)) return "****";
            return value.length() > 40 ? value.substring(0, 39) + "…" : value;
        }
    }
}
