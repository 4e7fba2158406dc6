package nl.loket.routing.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.protos.core.ModelProto;

import com.google.protobuf.InvalidProtocolBufferException;

/**
 * One version of the trained team model (Tribuo multinomial logistic regression over {@link TextFeatures}): which
 * team a text belongs to, how sure, and the citizen's words that weighed most. Immutable and thread-safe.
 */
public final class TeamModel {

    private static final LabelFactory LABELS = new LabelFactory();

    private final int version;
    private final Model<Label> model;
    private final TextFeatures features;
    private final ImmutableFeatureMap featureIds;
    private final DenseMatrix weights;
    private final Map<String, Integer> labelIds = new HashMap<>();
    private final int contactExamples;
    /**
     * Feature id by bucket number (-1: not in the model), and per feature id its mean weight over the teams: a
     * decision looks its features up in arrays, not by name (the names' String hashes collide into tree bins).
     */
    private final int[] idOfBucket = new int[TextFeatures.BUCKETS];
    private final double[] meanWeight;

    public TeamModel(int version, Model<Label> model, TextFeatures features, int contactExamples) {
        this.version = version;
        this.contactExamples = contactExamples;
        this.model = model;
        this.features = features;
        this.featureIds = model.getFeatureIDMap();
        this.weights = model instanceof LinearSGDModel linear ? linear.getWeightsCopy() : null;
        model.getOutputIDInfo().getDomain().forEach(l -> labelIds.put(l.getLabel(), model.getOutputIDInfo().getID(l)));
        java.util.Arrays.fill(idOfBucket, -1);
        featureIds.forEach(info -> {
            int bucket = TextFeatures.bucketOf(info.getName());
            if (bucket >= 0) {
                idOfBucket[bucket] = featureIds.getID(info.getName());
            }
        });
        meanWeight = new double[featureIds.size()];
        if (weights != null) {
            int teams = weights.getDimension1Size();
            for (int id = 0; id < meanWeight.length; id++) {
                double sum = 0;
                for (int r = 0; r < teams; r++) {
                    sum += weights.get(r, id);
                }
                meanWeight[id] = sum / teams;
            }
        }
    }

    /** The model's id of a feature name, -1 when it has none. */
    private int idOf(String name) {
        int bucket = TextFeatures.bucketOf(name);
        return bucket >= 0 ? idOfBucket[bucket] : featureIds.getID(name);
    }

    /** A stored version (Tribuo's protobuf form). */
    @SuppressWarnings("unchecked")
    public static TeamModel load(int version, byte[] bytes, TextFeatures features, int contactExamples) {
        try {
            Model<?> m = Model.deserialize(ModelProto.parseFrom(bytes));
            if (!m.validate(Label.class)) {
                throw new IllegalArgumentException("model version " + version + " is not a classifier");
            }
            return new TeamModel(version, (Model<Label>) m, features, contactExamples);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("model version " + version + " unreadable: " + e.getMessage(), e);
        }
    }

    public byte[] toBytes() {
        return model.serialize().toByteArray();
    }

    public int version() {
        return version;
    }

    /**
     * How many labelled contact texts this version learnt from: settled contacts and the bundled example contacts
     * ({@link ExampleContacts}); 0: the knowledge alone. A policy's {@code minOutcomes} reads it.
     */
    public int contactExamples() {
        return contactExamples;
    }

    /**
     * The model's best team for a text among the allowed ones ({@code allowed} null: any), or null when the text
     * has no features the model knows.
     */
    public ModelPrediction predict(String text, java.util.function.Predicate<String> allowed) {
        return predict(text, allowed, w -> true);
    }

    /**
     * As {@link #predict(String, java.util.function.Predicate)}, naming as strongest words only those that pass
     * {@code explainable} (routing: words of the knowledge itself, so never a name or an address).
     */
    public ModelPrediction predict(String text, java.util.function.Predicate<String> allowed,
            java.util.function.Predicate<String> explainable) {
        TextFeatures.Extracted x = features.extract(text);
        if (x.isEmpty()) {
            return null;
        }
        ArrayExample<Label> example = new ArrayExample<>(LABELS.getUnknownOutput(), x.names(), x.values());
        boolean known = false;
        for (String name : x.names()) {
            if (idOf(name) >= 0) {
                known = true;
                break;
            }
        }
        if (!known) {
            return null;
        }
        Prediction<Label> p = model.predict(example);
        String best = null;
        double bestScore = -1;
        double total = 0;
        for (Map.Entry<String, Label> e : p.getOutputScores().entrySet()) {
            if (allowed != null && !allowed.test(e.getKey())) {
                continue;
            }
            total += e.getValue().getScore();
            if (e.getValue().getScore() > bestScore) {
                bestScore = e.getValue().getScore();
                best = e.getKey();
            }
        }
        if (best == null || total <= 0) {
            return null;
        }
        // renormalised over the teams that may receive it (a transfer excludes the team that asked)
        double confidence = Math.round(bestScore / total * 1000) / 1000.0;
        return new ModelPrediction(best, confidence, version, strongestWords(best, x, explainable, 3));
    }

    /** The citizen's words whose features added most to {@code team}'s score (positive contributions only). */
    private List<String> strongestWords(String team, TextFeatures.Extracted x,
            java.util.function.Predicate<String> explainable, int limit) {
        Integer row = labelIds.get(team);
        if (weights == null || row == null) {
            return List.of();
        }
        Map<String, Double> byWord = new LinkedHashMap<>();
        for (int i = 0; i < x.names().length; i++) {
            int id = idOf(x.names()[i]);
            if (id < 0) {
                continue;
            }
            double contribution = (weights.get(row, id) - meanWeight[id]) * x.values()[i];
            String word = x.wordOf().get(x.names()[i]);
            if (word != null && word.length() > 2 && explainable.test(word)) {
                byWord.merge(word, contribution, Double::sum);
            }
        }
        List<Map.Entry<String, Double>> ranked = new ArrayList<>(byWord.entrySet());
        ranked.removeIf(e -> e.getValue() <= 0);
        ranked.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        return ranked.stream().limit(limit).map(Map.Entry::getKey).toList();
    }

    /** The model's weights (for tests: two trainings with one seed give the same). */
    public DenseMatrix getWeights() {
        return weights == null ? null : weights.copy();
    }

    /** The feature names the model holds: hashed buckets only, never a word. */
    public java.util.List<String> featureNames() {
        java.util.List<String> names = new ArrayList<>();
        featureIds.forEach(info -> names.add(info.getName()));
        return names;
    }

    /** Number of features the model knows (for reports). */
    public int featureCount() {
        return featureIds.size();
    }
}
