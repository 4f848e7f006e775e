package stream.pika.interactions.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A dancer's vote in a poll (table {@code poll_votes}); one per dancer and poll. */
@Entity
@Table(name = "poll_votes")
public class PollVote {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "poll_id", nullable = false, updatable = false)
    private Long pollId;

    @Column(name = "client_id", nullable = false, updatable = false)
    private String clientId;

    @Column(name = "option_index", nullable = false, updatable = false)
    private int optionIndex;

    @Column(name = "voted_at", nullable = false, updatable = false)
    private Instant votedAt;

    protected PollVote() {
        // for JPA
    }

    public PollVote(Long pollId, String clientId, int optionIndex, Instant votedAt) {
        this.pollId = pollId;
        this.clientId = clientId;
        this.optionIndex = optionIndex;
        this.votedAt = votedAt;
    }

    public Long id() {
        return id;
    }

    public Long pollId() {
        return pollId;
    }

    public String clientId() {
        return clientId;
    }

    public int optionIndex() {
        return optionIndex;
    }

    public Instant votedAt() {
        return votedAt;
    }
}
