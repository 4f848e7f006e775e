package stream.pika.events.entity;

/** The picture formats of a stage's QR code: PNG to show, SVG to print at any size. */
public enum QrFormat {
    PNG, SVG
}
