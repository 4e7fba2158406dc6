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
 * Trains a {@link TeamModel}: Tribuo's multinomial logistic regression (log loss, AdaGrad) over {@link TextFeatures},
 * each example weighted by its own weight times sqrt(mean examples per team / its team's examples), so the first
 * line's many VAC questions and standard products do not drown the teams with few.
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
        java.util.Map<String, Integer> perTeam = new java.util.HashMap<>();
        sorted.forEach(e -> perTeam.merge(e.teamId() == null ? "" : e.teamId(), 1, Integer::sum));
        double mean = (double) sorted.size() / Math.max(1, perTeam.size());
        for (TrainingExample e : sorted) {
            TextFeatures.Extracted x = features.extract(e.text());
            if (x.isEmpty() || e.teamId() == null) {
                continue;
            }
            ArrayExample<Label> example = new ArrayExample<>(new Label(e.teamId()), x.names(), x.values());
            // teams with few examples (a back office) count more, by the square root of how much fewer they have
            double balance = Math.sqrt(mean / perTeam.get(e.teamId()));
            example.setWeight((float) (e.weight() * balance));
            data.add(example);
        }
        if (data.size() == 0 || data.getOutputInfo().size() < 2) {
            throw new IllegalArgumentException("Too little to train on: " + data.size() + " examples, "
                    + data.getOutputInfo().size() + " teams");
        }
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(LEARNING_RATE, 0.1), EPOCHS,
                -1, 1, seed);
        Model<Label> model = trainer.train(data);
        int contacts = (int) examples.stream().filter(TrainingExample::fromContact).count();
        return new TeamModel(version, model, features, contacts);
    }
}
