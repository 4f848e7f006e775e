package stream.pika.web.container;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;

import java.lang.reflect.Method;

/**
 * From a servlet request to the Grizzly request under it, on Payara: the container's facade
 * (under any wrappers), its Catalina request, that one's Grizzly request. Found by reflection on
 * the first request; where a hop is missing the caller leaves its tuning out.
 */
record CoyoteHops(Method catalinaRequest, Method grizzlyRequest) {

    /** The container's own request object under the application's wrappers. */
    static ServletRequest facade(ServletRequest request) {
        ServletRequest facade = request;
        while (facade instanceof ServletRequestWrapper wrapper) {
            facade = wrapper.getRequest();
        }
        return facade;
    }

    static CoyoteHops find(Object facade) throws ReflectiveOperationException {
        Method catalinaRequest = facade.getClass().getMethod("getUnwrappedCoyoteRequest");
        Object catalina = catalinaRequest.invoke(facade);
        return new CoyoteHops(catalinaRequest, catalina.getClass().getMethod("getCoyoteRequest"));
    }

    Object grizzlyRequest(Object facade) throws ReflectiveOperationException {
        return grizzlyRequest.invoke(catalinaRequest.invoke(facade));
    }
}
