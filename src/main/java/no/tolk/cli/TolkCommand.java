package no.tolk.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import no.tolk.config.ConfigurationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code tolk} command. Every subcommand gets {@code -h/--help} (and {@code -V/--version}), including ones
 * added later, because {@link #commandLine()} switches the standard help options on for the whole tree.
 * Exit codes: {@link #OK}, {@link #FAILURE}, {@link #USAGE}; errors go to stderr, results to stdout.
 */
@Command(name = "tolk",
        mixinStandardHelpOptions = true,
        version = "Tolk 0.1",
        description = "Bilingual publishing pipeline: Norwegian articles in, Norwegian and English out.",
        subcommands = {RunCommand.class, OnceCommand.class, ExtractCommand.class, StatusCommand.class, ShowCommand.class,
                ApproveCommand.class, RejectCommand.class, RetryCommand.class, PublishNowCommand.class,
                BenchCommand.class, TmCommand.class, ConfigCommand.class, UserCommand.class, CommandLine.HelpCommand.class})
public class TolkCommand implements Runnable {

    /** Done. */
    public static final int OK = 0;
    /** The command ran and failed (an article not found, the pipeline failed, a file unreadable). */
    public static final int FAILURE = 1;
    /** Wrong usage or configuration (unknown option, invalid or missing setting, no Tolk home): nothing was done. */
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new TolkCommand());
        Map<String, String> exitCodes = new LinkedHashMap<>();
        exitCodes.put(" " + OK, "done");
        exitCodes.put(" " + FAILURE, "failed (the message on stderr says why)");
        exitCodes.put(" " + USAGE, "usage or configuration error; nothing was done");
        standardOptions(commandLine, exitCodes, commandLine.getCommandSpec().version());
        commandLine.setExecutionExceptionHandler((failure, cmd, parseResult) -> {
            if (failure instanceof ConfigurationException configuration) {
                if (configuration.problems().size() == 1) {
                    cmd.getErr().println("tolk " + cmd.getCommandName() + ": " + configuration.problems().get(0));
                } else {
                    cmd.getErr().println("tolk " + cmd.getCommandName() + ": the configuration cannot work:");
                    configuration.problems().forEach(problem -> cmd.getErr().println("  - " + problem));
                }
                cmd.getErr().println("Nothing was done. 'tolk config check' shows the configuration and where each value comes from.");
                return USAGE;
            }
            cmd.getErr().println("tolk: " + failure.getMessage());
            if (System.getenv("TOLK_DEBUG") != null) failure.printStackTrace(cmd.getErr());
            return FAILURE;
        });
        return commandLine;
    }

    private static void standardOptions(CommandLine command, Map<String, String> exitCodes, String[] version) {
        CommandLine.Model.CommandSpec spec = command.getCommandSpec();
        if (!(command.getCommand() instanceof CommandLine.HelpCommand)) {
            if (spec.optionsMap().get("--help") == null) spec.mixinStandardHelpOptions(true);
            if (spec.version().length == 0) spec.version(version);
            spec.usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(exitCodes);
        }
        command.getSubcommands().values().stream().distinct().forEach(sub -> standardOptions(sub, exitCodes, version));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
