package stream.pika.web.rest;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import stream.pika.web.container.ContainerTuning;

import java.io.IOException;

/**
 * The answer to a request whose path the servlet container cannot take (a bad escape such as
 * {@code %zz}, an encoded slash, NUL, a backslash, {@code ..} above the root), whatever its
 * method: the container seam sends it here, so it gets the API's shape and the security headers.
 */
@WebServlet(ContainerTuning.MALFORMED_PATH)
public class MalformedPath extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setHeader("Connection", "close"); // a body it may carry is not read
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"error\":\"Malformed request path\"}");
    }
}
