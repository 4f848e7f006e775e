package stream.pika.platform.control;

/** The topic bus contract, in this process's memory. */
class InMemoryTopicBusTest extends TopicBusContract {

    @Override
    TopicBus bus() {
        return new InMemoryTopicBus();
    }
}
