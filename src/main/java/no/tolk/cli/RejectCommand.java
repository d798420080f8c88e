package no.tolk.cli;

import java.util.concurrent.Callable;
import no.tolk.config.Settings;
import no.tolk.publish.ReviewDesk;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "reject", description = "Send a translated article back to translation, recording why (works while 'run' is running).")
public class RejectCommand implements Callable<Integer> {

    @Mixin
    HomeOption home;

    @Parameters(paramLabel = "ID", description = "Article id, as shown by 'tolk status'")
    String articleId;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "What is wrong with the translation")
    String reason;

    @Option(names = "--to", paramLabel = "human|engine", defaultValue = "human",
            description = "Who translates it again: human translators through XLIFF (default), or the engine without translation memory")
    String to;

    @Override
    public Integer call() {
        if (!to.equals("human") && !to.equals("engine")) {
            System.err.println("--to must be 'human' or 'engine', not '" + to + "'");
            return TolkCommand.USAGE;
        }
        ReviewDesk.Answer answer = ReviewDeskAccess.open(Settings.load(home.resolve()))
                .reject(articleId, reason, to.equals("human"), ReviewDeskAccess.actor());
        (answer.done() ? System.out : System.err).println(answer.message());
        return answer.done() ? TolkCommand.OK : TolkCommand.FAILURE;
    }
}
