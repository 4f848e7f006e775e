package stream.pika.web.rest;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The answer to every error the servlet container makes itself (a path nothing serves, a method
 * nothing accepts, a failure outside JAX-RS): the API's {@code {"error": ...}} instead of
 * Payara's HTML page, with the security headers ({@code web.xml} maps the headers filter on error
 * dispatches too).
 */
@WebServlet("/_error")
public class ErrorPage extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number ? number : HttpServletResponse.SC_NOT_FOUND;
        if (status == HttpServletResponse.SC_NOT_IMPLEMENTED) {
            // The servlet API's answer to a method a servlet does not take (PATCH /health): not a server failure.
            status = HttpServletResponse.SC_METHOD_NOT_ALLOWED;
        }
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"error\":\"" + ErrorResponses.clientErrorText(status) + "\"}");
    }
}
