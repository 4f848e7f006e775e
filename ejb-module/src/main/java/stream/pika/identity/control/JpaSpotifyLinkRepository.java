package stream.pika.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import stream.pika.identity.entity.SpotifyLink;

import java.util.Optional;

@ApplicationScoped
public class JpaSpotifyLinkRepository implements SpotifyLinkRepository {

    @PersistenceContext(unitName = "pika")
    EntityManager em;

    @Override
    public Optional<SpotifyLink> ofUser(long userId) {
        return Optional.ofNullable(em.find(SpotifyLink.class, userId));
    }

    @Override
    public Optional<SpotifyLink> ofSpotifyUser(String spotifyUserId) {
        return em.createNamedQuery(SpotifyLink.BY_SPOTIFY_USER, SpotifyLink.class).setParameter("spotifyUser", spotifyUserId)
                .getResultStream().findFirst();
    }

    @Override
    public void add(SpotifyLink link) {
        em.persist(link);
        em.flush();
    }
}
