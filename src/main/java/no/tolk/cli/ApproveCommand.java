package no.tolk.cli;

import java.util.concurrent.Callable;
import no.tolk.config.Settings;
import no.tolk.publish.ReviewDesk;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "approve", description = "Approve a translated article for publishing (works while 'run' is running).")
public class ApproveCommand implements Callable<Integer> {

    @Mixin
    HomeOption home;

    @Parameters(paramLabel = "ID", description = "Article id, as shown by 'tolk status'")
    String articleId;

    @Option(names = "--despite-errors", description = "Approve although quality checks still report errors (you looked at them)")
    boolean despiteErrors;

    @Override
    public Integer call() {
        ReviewDesk.Answer answer = ReviewDeskAccess.open(Settings.load(home.resolve()))
                .approve(articleId, despiteErrors, ReviewDeskAccess.actor());
        (answer.done() ? System.out : System.err).println(answer.message());
        return answer.done() ? TolkCommand.OK : TolkCommand.FAILURE;
    }
}
