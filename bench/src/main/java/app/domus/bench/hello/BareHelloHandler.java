package app.domus.bench.hello;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The second baseline: a hello world that takes the raw event bytes (a {@link RequestStreamHandler}), so that neither it
 * nor the runtime deserialises anything. What is left is the JVM's own start, the classpath and the probe.
 */
public final class BareHelloHandler implements RequestStreamHandler {
    private static final byte[] RESPONSE = "{\"statusCode\":200,\"body\":\"hello\"}".getBytes(StandardCharsets.UTF_8);

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.transferTo(OutputStream.nullOutputStream());
        output.write(RESPONSE);
    }
}
