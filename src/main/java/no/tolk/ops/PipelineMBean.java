package no.tolk.ops;

import java.util.Map;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.StandardMBean;

/**
 * {@link Pipeline} as registered on JMX: an MXBean (open types) whose operations show real parameter names and
 * descriptions in JConsole and VisualVM instead of {@code p0}, {@code p1}. The JDK's MXBean introspector only
 * knows the parameter types; {@link StandardMBean} lets us supply the rest.
 */
final class PipelineMBean extends StandardMBean {

    /** operation -> parameter names, and descriptions in the same order. */
    private static final Map<String, String[][]> PARAMETERS = Map.of(
            "approve", new String[][] {{"articleId"}, {"Article id, as shown by 'tolk status' (10 hex characters)"}},
            "reject", new String[][] {{"articleId", "reason"},
                    {"Article id, as shown by 'tolk status'", "What is wrong with the translation; recorded and shown to the translator"}},
            "retry", new String[][] {{"articleId"}, {"Id of a failed article, as shown by 'tolk status'"}},
            "retryAllFailed", new String[][] {{"cause"},
                    {"Only failed articles whose last error contains this text; empty = every failed article"}});

    private static final Map<String, String> OPERATIONS = Map.of(
            "approve", "Approve a translated article for publishing",
            "reject", "Send a translated article back to translation, recording why",
            "retry", "Try a failed article again: its failed publications, or its translation",
            "retryAllFailed", "Retry every failed article (or those whose last error contains the cause)",
            "publishNow", "Start the nightly publishing job now, in the background; follow it in LastNightlyRun",
            "pauseIngest", "Stop taking files from the inbox and polling feeds; work already received goes on",
            "resumeIngest", "Take files from the inbox and poll feeds again");

    PipelineMBean(Pipeline pipeline) {
        super(pipeline, PipelineMXBean.class, true);
    }

    @Override
    protected String getParameterName(MBeanOperationInfo operation, MBeanParameterInfo parameter, int sequence) {
        String[][] names = PARAMETERS.get(operation.getName());
        return names != null && sequence < names[0].length ? names[0][sequence] : super.getParameterName(operation, parameter, sequence);
    }

    @Override
    protected String getDescription(MBeanOperationInfo operation, MBeanParameterInfo parameter, int sequence) {
        String[][] names = PARAMETERS.get(operation.getName());
        return names != null && sequence < names[1].length ? names[1][sequence] : super.getDescription(operation, parameter, sequence);
    }

    @Override
    protected String getDescription(MBeanOperationInfo operation) {
        return OPERATIONS.getOrDefault(operation.getName(), super.getDescription(operation));
    }

    @Override
    protected String getDescription(javax.management.MBeanInfo info) {
        return "Tolk pipeline: articles per state, billing, budget, last publishing run; review and ingest operations";
    }
}
