package stream.pika.live.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import stream.pika.identity.boundary.DjAccounts;
import stream.pika.identity.entity.DjProfile;
import stream.pika.identity.entity.Roles;
import stream.pika.live.control.DjProfileRepository;
import stream.pika.live.control.VibeRadars;
import stream.pika.live.entity.DjProfileView;
import stream.pika.live.entity.ProfileEdit;
import stream.pika.live.entity.SetSummary;
import stream.pika.platform.entity.Page;
import stream.pika.platform.entity.PikaException;
import stream.pika.platform.control.CallerIds;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * A DJ's public profile ({@code /dj/{slug}}, no sign-in): who they are, what they have played and
 * where they play next, and the vibe radar computed from their plays ({@link VibeRadars}). The DJ
 * edits the bio and the avatar in the Career Hub.
 */
@Stateless
@DeclareRoles(Roles.DJ)
public class DjProfiles {

    private static final Logger LOG = Logger.getLogger(DjProfiles.class.getName());
    static final int UPCOMING = 10;
    public static final int SETS_PAGE = 20;

    @Inject
    DjProfileRepository profiles;

    @Inject
    DjAccounts accounts;

    @Inject
    Clock clock;

    @Resource
    SessionContext context;

    /** The profile of the DJ with this slug; empty when no account has it. */
    @PermitAll
    public Optional<DjProfileView> profile(String slug) {
        return accounts.publicDj(slug).map(dj -> view(dj.id(), slug, dj.displayName()));
    }

    /** The signed-in DJ's own profile, as the public sees it. */
    @RolesAllowed(Roles.DJ)
    public DjProfileView mine() {
        DjProfile dj = accounts.currentDj();
        return view(dj.id(), dj.slug(), dj.displayName());
    }

    /** Saves the bio and the avatar address; a blank one clears it. */
    @RolesAllowed(Roles.DJ)
    public DjProfileView edit(@NotNull @Valid ProfileEdit edit) {
        long djId = CallerIds.of(context);
        profiles.saveBio(djId, blankless(edit.bio()), blankless(edit.avatarUrl()));
        LOG.info(() -> "DJ " + djId + " changed the profile's bio or avatar");
        return mine();
    }

    /** The signed-in DJ's sets, {@value #SETS_PAGE} a page, newest first. */
    @RolesAllowed(Roles.DJ)
    public Page<SetSummary> mySets(int page) {
        if (page < 1 || page > Page.MAX_PAGE) {
            throw PikaException.invalid("page must be between 1 and " + Page.MAX_PAGE);
        }
        long djId = CallerIds.of(context);
        return new Page<>(profiles.sets(djId, Page.offset(page, SETS_PAGE), SETS_PAGE), page, SETS_PAGE, profiles.setCount(djId));
    }

    private DjProfileView view(long djId, String slug, String displayName) {
        Instant now = clock.instant();
        DjProfileRepository.Bio bio = profiles.bio(djId);
        DjProfileRepository.Career career = profiles.career(djId, now);
        var stats = profiles.plays(djId);
        return new DjProfileView(djId, slug, displayName, bio.bio(), bio.avatarUrl(), career.events() > 0, career.sets(), career.events(),
                career.hours(), stats.uniqueSongs(), profiles.upcoming(djId, now, UPCOMING),
                VibeRadars.of(stats, now.atZone(ZoneOffset.UTC).getYear()));
    }

    private static String blankless(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
