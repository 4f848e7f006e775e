package stream.pika.live.entity;

import jakarta.validation.constraints.Pattern;
import stream.pika.platform.entity.CharLength;

/** What a DJ changes of the public profile in the Career Hub: the bio and the avatar's https address (blank clears). */
public record ProfileEdit(
        @CharLength(max = 500, message = "The bio is at most 500 characters") String bio,
        @CharLength(max = 500, message = "The avatar address is at most 500 characters")
        @Pattern(regexp = "|https://[^\\s\"<>]+", message = "The avatar must be an https:// address of a picture") String avatarUrl) {
}
