package app.stamina.query.projection;

import app.stamina.query.athlete.AthleteViews;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;

/**
 * Whenever this instance's consumers have partitions revoked, lost or assigned, the athlete documents it wrote are
 * forgotten: another instance may write any of them from now on, and reads go to MongoDB until it writes them again.
 */
public class ForgetWrittenOnRebalance implements ConsumerRebalanceListener {

    private final AthleteViews athletes;

    public ForgetWrittenOnRebalance(AthleteViews athletes) {
        this.athletes = athletes;
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        athletes.forgetWritten();
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        athletes.forgetWritten();
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        athletes.forgetWritten();
    }
}
