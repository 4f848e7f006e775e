package stream.pika.web.faces;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import stream.pika.platform.entity.PikaException;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * What a dashboard tells its user after an action: done, or refused with the boundary's reason
 * (the same words the API answers). Nothing internal reaches the page: an unexpected failure is
 * logged with an incident id that the page repeats.
 */
final class Notices {

    static final String NOT_ALLOWED = "Not allowed for this account";
    private static final Logger LOG = Logger.getLogger(Notices.class.getName());

    private Notices() {
    }

    static void done(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    static void refused(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        FacesContext.getCurrentInstance().validationFailed();
    }

    /** The failure of an action, as its user should read it. */
    static void failed(RuntimeException failure) {
        refused(textOf(failure));
    }

    static String textOf(RuntimeException failure) {
        Throwable error = failure;
        while (error instanceof EJBException && error.getCause() != null) {
            error = error.getCause();
        }
        if (error instanceof PikaException refused) {
            return refused.getMessage();
        }
        if (error instanceof EJBAccessException) {
            return NOT_ALLOWED;
        }
        if (error instanceof ConstraintViolationException invalid) {
            return invalid.getConstraintViolations().stream().map(ConstraintViolation::getMessage).distinct().sorted()
                    .collect(Collectors.joining("; "));
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure on a dashboard, incident " + incident, failure);
        return "Something went wrong (incident " + incident + ")";
    }
}
