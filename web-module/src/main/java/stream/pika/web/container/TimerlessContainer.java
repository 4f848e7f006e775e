package stream.pika.web.container;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.Extension;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import org.glassfish.tyrus.core.BaseContainer;

import java.io.IOException;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The container as the sessions of Pika!'s endpoint see it: the real one, except for the scheduler
 * a session takes in its constructor, which schedules nothing while the container gives sessions
 * no idle timeout. Tyrus arms the idle timer in that constructor, before {@link IdleTimerOff} can
 * reach the session: on Payara a managed task whose context capture scans the application's jars,
 * about a seventh of a connect's CPU in a crowd. Installed on Pika!'s endpoint only: the
 * container, its scheduler and every other endpoint are left as they are.
 */
final class TimerlessContainer extends BaseContainer {

    private final WebSocketContainer real;
    private final ScheduledExecutorService nothing;

    TimerlessContainer(WebSocketContainer real, ScheduledExecutorService nothing) {
        this.real = real;
        this.nothing = nothing;
    }

    WebSocketContainer real() {
        return real;
    }

    @Override
    public ScheduledExecutorService getScheduledExecutorService() {
        // Only the idle timer and Tyrus's own heartbeat use it: both unused when sessions have no idle timeout.
        return real.getDefaultMaxSessionIdleTimeout() > 0 && real instanceof BaseContainer base
                ? base.getScheduledExecutorService() : nothing;
    }

    @Override
    public ExecutorService getExecutorService() {
        return ((BaseContainer) real).getExecutorService();
    }

    @Override
    public long getDefaultAsyncSendTimeout() {
        return real.getDefaultAsyncSendTimeout();
    }

    @Override
    public void setAsyncSendTimeout(long timeoutMillis) {
        real.setAsyncSendTimeout(timeoutMillis);
    }

    @Override
    public Session connectToServer(Object annotatedEndpointInstance, URI path) throws DeploymentException, IOException {
        return real.connectToServer(annotatedEndpointInstance, path);
    }

    @Override
    public Session connectToServer(Class<?> annotatedEndpointClass, URI path) throws DeploymentException, IOException {
        return real.connectToServer(annotatedEndpointClass, path);
    }

    @Override
    public Session connectToServer(Endpoint endpointInstance, ClientEndpointConfig cec, URI path) throws DeploymentException, IOException {
        return real.connectToServer(endpointInstance, cec, path);
    }

    @Override
    public Session connectToServer(Class<? extends Endpoint> endpointClass, ClientEndpointConfig cec, URI path)
            throws DeploymentException, IOException {
        return real.connectToServer(endpointClass, cec, path);
    }

    @Override
    public long getDefaultMaxSessionIdleTimeout() {
        return real.getDefaultMaxSessionIdleTimeout();
    }

    @Override
    public void setDefaultMaxSessionIdleTimeout(long timeout) {
        real.setDefaultMaxSessionIdleTimeout(timeout);
    }

    @Override
    public int getDefaultMaxBinaryMessageBufferSize() {
        return real.getDefaultMaxBinaryMessageBufferSize();
    }

    @Override
    public void setDefaultMaxBinaryMessageBufferSize(int max) {
        real.setDefaultMaxBinaryMessageBufferSize(max);
    }

    @Override
    public int getDefaultMaxTextMessageBufferSize() {
        return real.getDefaultMaxTextMessageBufferSize();
    }

    @Override
    public void setDefaultMaxTextMessageBufferSize(int max) {
        real.setDefaultMaxTextMessageBufferSize(max);
    }

    @Override
    public Set<Extension> getInstalledExtensions() {
        return real.getInstalledExtensions();
    }
}
