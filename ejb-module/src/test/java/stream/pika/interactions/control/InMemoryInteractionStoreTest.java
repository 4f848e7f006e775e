package stream.pika.interactions.control;

/** The interactions contract, in this process's memory. */
class InMemoryInteractionStoreTest extends InteractionStoreContract {

    @Override
    InteractionStore store() {
        return new InMemoryInteractionStore();
    }
}
