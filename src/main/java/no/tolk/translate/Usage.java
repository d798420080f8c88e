package no.tolk.translate;

/** What one translation cost: billed characters (Unicode code points) and HTTP requests made. */
public record Usage(String engine, String model, long billedCharacters, int requests) {

    public static Usage none(String engine) {
        return new Usage(engine, null, 0, 0);
    }

    public Usage plus(Usage other) {
        return new Usage(engine, model != null ? model : other.model(),
                billedCharacters + other.billedCharacters(), requests + other.requests());
    }
}
