package stream.pika.web.faces;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import stream.pika.identity.boundary.DjAccounts;
import stream.pika.identity.entity.Roles;
import stream.pika.web.security.ClientAddress;

import java.security.Principal;

/** The account a dashboard page is shown to (the guard let it in: it is signed in). */
@Named("account")
@RequestScoped
public class SignedInAccount {

    @Inject
    DjAccounts accounts;

    @Inject
    ClientAddress clientAddress;

    private String displayName;

    public long getId() {
        Principal principal = FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal();
        return Long.parseLong(principal.getName());
    }

    public String getDisplayName() {
        if (displayName == null) {
            displayName = accounts.displayName(getId()).orElse("");
        }
        return displayName;
    }

    /** Where the request comes from (the audit trail records it with each admin action). */
    public String clientIp() {
        return clientAddress.of((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest());
    }

    public boolean isOrganizer() {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(Roles.ORGANIZER);
    }

    public boolean isDj() {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(Roles.DJ);
    }

    public boolean isAdmin() {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(Roles.ADMIN);
    }
}
