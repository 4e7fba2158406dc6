package nl.loket.routing.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains a {@link TeamModel}: Tribuo's multinomial logistic regression (log loss, AdaGrad) over {@link TextFeatures}.
 * Deterministic for a seed: the examples are sorted by key before training and Tribuo's shuffling is seeded.
 */
public final class ModelTrainer {

    static final int EPOCHS = 12;
    static final double LEARNING_RATE = 0.5;

    private final TextFeatures features;

    public ModelTrainer(TextFeatures features) {
        this.features = features;
    }

    public TeamModel train(int version, List<TrainingExample> examples, long seed) {
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(
                new SimpleDataSourceProvenance("loket routing outcomes and knowledge", labels), labels);
        List<TrainingExample> sorted = new ArrayList<>(examples);
        sorted.sort(Comparator.comparing(TrainingExample::key));
        for (TrainingExample e : sorted) {
            TextFeatures.Extracted x = features.extract(e.text());
            if (x.isEmpty() || e.teamId() == null) {
                continue;
            }
            ArrayExample<Label> example = new ArrayExample<>(new Label(e.teamId()), x.names(), x.values());
            example.setWeight((float) e.weight());
            data.add(example);
        }
        if (data.size() == 0 || data.getOutputInfo().size() < 2) {
            throw new IllegalArgumentException("Too little to train on: " + data.size() + " examples, "
                    + data.getOutputInfo().size() + " teams");
        }
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(LEARNING_RATE, 0.1), EPOCHS,
                -1, 1, seed);
        Model<Label> model = trainer.train(data);
        return new TeamModel(version, model, features);
    }
}
