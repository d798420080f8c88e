package no.tolk.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.tika.detect.DefaultEncodingDetector;
import org.apache.tika.detect.EncodingDetector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;

/**
 * Turns the bytes of a saved web page into text. Order of evidence: a byte-order mark; bytes that are
 * strict UTF-8 with at least one multi-byte sequence (such bytes are practically never Latin-1 text, so a
 * page declaring ISO-8859-1 but holding UTF-8 is read as UTF-8); then Tika's encoding detectors as the
 * tika-parsers HtmlParser uses them (the page's own meta charset declaration, then statistical detection
 * by juniversalchardet and ICU4J), so a Windows-1252 page without a declaration reads "Skolen på Røros".
 */
final class WebPageDecoder {

    private static final EncodingDetector DETECTOR = new DefaultEncodingDetector();

    private WebPageDecoder() {
    }

    /** The decoded page; never throws on odd bytes (undecodable bytes become U+FFFD, which {@link Mojibake} flags). */
    static String decode(byte[] bytes, String fileName) throws IOException {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        if (startsWith(bytes, 0xFE, 0xFF)) return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        if (startsWith(bytes, 0xFF, 0xFE)) return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        if (isStrictUtf8WithMultibyte(bytes)) return new String(bytes, StandardCharsets.UTF_8);
        Metadata metadata = new Metadata();
        if (fileName != null) metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        metadata.set(Metadata.CONTENT_TYPE, "text/html");
        Charset charset = DETECTOR.detect(new ByteArrayInputStream(bytes), metadata);
        if (charset == null) charset = StandardCharsets.UTF_8;
        // a declared ISO-8859-1 means Windows-1252 in browsers (WHATWG Encoding Standard)
        if (charset.equals(StandardCharsets.ISO_8859_1) || charset.name().equalsIgnoreCase("US-ASCII")) charset = Charset.forName("windows-1252");
        return new String(bytes, charset);
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) return false;
        }
        return true;
    }

    private static boolean isStrictUtf8WithMultibyte(byte[] bytes) {
        boolean multibyte = false;
        for (byte b : bytes) {
            if (b < 0) {
                multibyte = true;
                break;
            }
        }
        if (!multibyte) return false;
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
