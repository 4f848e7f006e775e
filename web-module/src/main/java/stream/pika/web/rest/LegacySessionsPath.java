package stream.pika.web.rest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** The original also served the sessions routes at {@code /sessions}: forwarded to {@code /api/sessions}. */
@WebFilter(urlPatterns = {"/sessions", "/sessions/*"})
public class LegacySessionsPath extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String query = request.getQueryString();
        request.getRequestDispatcher("/api" + path + (query == null ? "" : "?" + query)).forward(request, response);
    }
}
