package no.tolk.samples;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.ToXMLContentHandler;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Prints what Apache Tika emits for sample files: detected type, all metadata and the XHTML.
 * A debugging aid for the extractor, not used by the pipeline.
 *
 * <pre>
 * java -cp "target/test-classes:target/classes:$CP" no.tolk.samples.SampleInspector samples/inbox [more files or folders]
 * </pre>
 */
public final class SampleInspector {

    public static void main(String[] args) throws Exception {
        List<Path> files = Stream.of(args.length == 0 ? new String[]{"samples/inbox"} : args)
                .map(Path::of)
                .flatMap(SampleInspector::expand)
                .toList();
        AutoDetectParser parser = new AutoDetectParser();
        for (Path file : files) {
            System.out.println("==================== " + file);
            Metadata md = new Metadata();
            md.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
            ToXMLContentHandler handler = new ToXMLContentHandler();
            try (InputStream in = org.apache.tika.io.TikaInputStream.get(file, md)) {
                parser.parse(in, handler, md, new ParseContext());
            } catch (Exception e) {
                System.out.println("!! " + e.getClass().getName() + ": " + e.getMessage());
                Throwable c = e.getCause();
                while (c != null) {
                    System.out.println("!!   caused by " + c.getClass().getName() + ": " + c.getMessage());
                    c = c.getCause();
                }
            }
            String[] names = md.names();
            Arrays.sort(names);
            for (String n : names) {
                System.out.println("  " + n + " = " + String.join(" | ", md.getValues(n)));
            }
            System.out.println("---- xhtml");
            System.out.println(handler);
        }
    }

    private static Stream<Path> expand(Path p) {
        try {
            return Files.isDirectory(p) ? Files.list(p).filter(Files::isRegularFile).sorted() : Stream.of(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private SampleInspector() {
    }
}
