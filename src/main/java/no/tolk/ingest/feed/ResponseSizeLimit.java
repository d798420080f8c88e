package no.tolk.ingest.feed;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.apache.hc.core5.http.io.EofSensorInputStream;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.HttpResponseInterceptor;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Bounds every response body of the feed HTTP client, before Camel buffers it: a declared Content-Length over
 * the limit is refused at once, anything else is cut off (and the connection dropped, not drained) once it passes
 * the limit. Gzip is decoded here, so the limit holds for the decompressed size too.
 */
public class ResponseSizeLimit implements HttpResponseInterceptor {

    private final long maxBytes;

    public ResponseSizeLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Reading went past the limit; an IOException so HttpClient discards the connection. */
    public static class TooLargeException extends IOException {
        public TooLargeException(String message) {
            super(message);
        }
    }

    @Override
    public void process(HttpResponse response, EntityDetails details, HttpContext context) throws IOException {
        if (!(response instanceof ClassicHttpResponse classic) || classic.getEntity() == null) return;
        HttpEntity entity = classic.getEntity();
        Header encoding = response.getFirstHeader(HttpHeaders.CONTENT_ENCODING);
        boolean gzip = encoding != null && encoding.getValue().toLowerCase(Locale.ROOT).contains("gzip");
        if (!gzip && entity.getContentLength() > maxBytes) {
            throw new TooLargeException(entity.getContentLength() + " bytes declared, limit " + maxBytes);
        }
        if (gzip) response.removeHeaders(HttpHeaders.CONTENT_ENCODING);
        classic.setEntity(new BoundedEntity(entity, gzip));
    }

    private final class BoundedEntity extends HttpEntityWrapper {

        private final boolean gzip;
        private InputStream content;

        BoundedEntity(HttpEntity wrapped, boolean gzip) {
            super(wrapped);
            this.gzip = gzip;
        }

        @Override
        public synchronized InputStream getContent() throws IOException {
            if (content == null) {
                InputStream raw = super.getContent();
                content = new BoundedStream(gzip ? new GZIPInputStream(raw) : raw, raw);
            }
            return content;
        }

        @Override
        public long getContentLength() {
            return gzip ? -1 : super.getContentLength();
        }

        @Override
        public String getContentEncoding() {
            return gzip ? null : super.getContentEncoding();
        }
    }

    private final class BoundedStream extends FilterInputStream {

        private final InputStream raw;
        private long count;
        private boolean exceeded;

        BoundedStream(InputStream decoded, InputStream raw) {
            super(decoded);
            this.raw = raw;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int read = read(one, 0, 1);
            return read < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (exceeded) throw tooLarge();
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                count += read;
                if (count > maxBytes) {
                    exceeded = true;
                    // closing would read the rest of an endless body; aborting drops the connection instead
                    if (raw instanceof EofSensorInputStream sensor) sensor.abort();
                    throw tooLarge();
                }
            }
            return read;
        }

        @Override
        public void close() throws IOException {
            if (!exceeded) super.close();
        }

        private TooLargeException tooLarge() {
            return new TooLargeException("more than " + maxBytes + " bytes");
        }
    }
}
