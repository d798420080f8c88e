package no.tolk.config;

import java.util.List;

/** The configuration cannot work: each problem is a sentence saying what to change. The command line exits with 2. */
public class ConfigurationException extends RuntimeException {

    private final List<String> problems;

    public ConfigurationException(List<String> problems) {
        super("configuration: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public ConfigurationException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
