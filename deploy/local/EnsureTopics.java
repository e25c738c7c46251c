import io.soundbox.events.TopicSpec;
import io.soundbox.events.kafka.TopicBootstrap;
import java.util.Set;
import java.util.TreeSet;

/**
 * Creates the Sound Box topics with their partitions and configs before any service starts, so that a
 * consumer subscribing first cannot auto-create soundbox.job.status without compaction.
 *
 * <p>Run by ./soundbox with the Java source launcher:
 * {@code java -cp <kafka classpath>:libs/events/target/soundbox-events-*.jar deploy/local/EnsureTopics.java 127.0.0.1:9092}
 */
public class EnsureTopics {
    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: EnsureTopics BOOTSTRAP_SERVERS [REPLICATION_FACTOR]");
            System.exit(2);
        }
        short replication = args.length == 2 ? Short.parseShort(args[1]) : 1;
        Set<String> created = TopicBootstrap.ensure(args[0], TopicSpec.ALL, replication, 30_000);
        System.out.println(created.isEmpty()
                ? "all " + TopicSpec.ALL.size() + " topics already exist"
                : "created topics " + new TreeSet<>(created));
    }
}
