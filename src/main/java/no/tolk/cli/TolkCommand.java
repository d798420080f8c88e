package no.tolk.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "tolk",
        mixinStandardHelpOptions = true,
        version = "Tolk 0.1",
        description = "Bilingual publishing pipeline: Norwegian articles in, Norwegian and English out.",
        subcommands = {RunCommand.class, OnceCommand.class, ExtractCommand.class, StatusCommand.class, ShowCommand.class,
                ApproveCommand.class, RejectCommand.class, RetryCommand.class, PublishNowCommand.class,
                BenchCommand.class, UserCommand.class, CommandLine.HelpCommand.class})
public class TolkCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new TolkCommand());
        commandLine.setExecutionExceptionHandler((failure, cmd, parseResult) -> {
            cmd.getErr().println("tolk: " + failure.getMessage());
            if (System.getenv("TOLK_DEBUG") != null) failure.printStackTrace(cmd.getErr());
            return 2;
        });
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
