package stream.pika.live.control;

/** The live-state contract, in this process's memory. */
class InMemoryLiveStateStoreTest extends LiveStateStoreContract {

    @Override
    LiveStateStore store() {
        return new InMemoryLiveStateStore();
    }
}
