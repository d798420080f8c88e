package no.tolk.cli;

import java.util.concurrent.Callable;
import no.tolk.config.Settings;
import no.tolk.publish.ReviewDesk;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "retry", description = "Try a failed article again: its failed publications, or its translation (works while 'run' is running).")
public class RetryCommand implements Callable<Integer> {

    @Mixin
    HomeOption home;

    @Parameters(paramLabel = "ID", description = "Article id, as shown by 'tolk status'")
    String articleId;

    @Override
    public Integer call() {
        ReviewDesk.Answer answer = ReviewDeskAccess.open(Settings.load(home.resolve())).retry(articleId, ReviewDeskAccess.actor());
        (answer.done() ? System.out : System.err).println(answer.message());
        return answer.done() ? TolkCommand.OK : TolkCommand.FAILURE;
    }
}
