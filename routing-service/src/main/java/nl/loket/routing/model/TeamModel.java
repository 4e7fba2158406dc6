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
    private final Map<String, Integer> labelIds = new HashMap<>();
    private final int contactExamples;
    /*
     * The linear model as arrays, for deciding (Tribuo's own predict looks every feature up by name and sorts them):
     * feature id by bucket number (-1: not in the model), the weights feature by feature (teams' weights of feature
     * id f at f * teams), the teams' biases, the label of every team id, and per feature its mean weight over the
     * teams (for the strongest words).
     */
    private final int[] idOfBucket = new int[TextFeatures.BUCKETS];
    private final int teams;
    private final double[] weightsByFeature;
    private final double[] bias;
    private final String[] teamOf;
    private final double[] meanWeight;

    public TeamModel(int version, Model<Label> model, TextFeatures features, int contactExamples) {
        this.version = version;
        this.contactExamples = contactExamples;
        this.model = model;
        this.features = features;
        this.featureIds = model.getFeatureIDMap();
        if (!(model instanceof LinearSGDModel linear)) {
            throw new IllegalArgumentException("Not a linear team model: " + model.getClass().getName());
        }
        model.getOutputIDInfo().getDomain().forEach(l -> labelIds.put(l.getLabel(), model.getOutputIDInfo().getID(l)));
        java.util.Arrays.fill(idOfBucket, -1);
        featureIds.forEach(info -> {
            int bucket = TextFeatures.bucketOf(info.getName());
            if (bucket >= 0) {
                idOfBucket[bucket] = featureIds.getID(info.getName());
            }
        });
        DenseMatrix weights = linear.getWeightsCopy(); // teams × (features + the bias, last)
        int featureCount = featureIds.size();
        teams = weights.getDimension1Size();
        weightsByFeature = new double[featureCount * teams];
        bias = new double[teams];
        meanWeight = new double[featureCount];
        teamOf = new String[teams];
        labelIds.forEach((label, id) -> teamOf[id] = label);
        for (int r = 0; r < teams; r++) {
            for (int f = 0; f < featureCount; f++) {
                weightsByFeature[f * teams + r] = weights.get(r, f);
                meanWeight[f] += weights.get(r, f);
            }
            bias[r] = weights.get(r, featureCount);
        }
        for (int f = 0; f < featureCount; f++) {
            meanWeight[f] /= teams;
        }
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
        double[] scores = scores(x);
        if (scores == null) {
            return null;
        }
        String best = null;
        double bestScore = -1;
        double total = 0;
        for (int r = 0; r < teams; r++) {
            if (allowed != null && !allowed.test(teamOf[r])) {
                continue;
            }
            total += scores[r];
            if (scores[r] > bestScore) {
                bestScore = scores[r];
                best = teamOf[r];
            }
        }
        if (best == null || total <= 0) {
            return null;
        }
        // renormalised over the teams that may receive it (a transfer excludes the team that asked)
        double confidence = Math.round(bestScore / total * 1000) / 1000.0;
        return new ModelPrediction(best, confidence, version, strongestWords(best, x, explainable, 3));
    }

    /**
     * The teams' probabilities for a text by team id (what Tribuo's {@code predict} gives: the linear scores with the
     * bias, soft-maxed over all teams), or null when the text has no feature the model knows.
     */
    double[] scores(TextFeatures.Extracted x) {
        double[] scores = bias.clone();
        boolean known = false;
        for (int i = 0; i < x.buckets().length; i++) {
            int id = idOfBucket[x.buckets()[i]];
            if (id < 0) {
                continue;
            }
            known = true;
            double v = x.values()[i];
            for (int r = 0, at = id * teams; r < teams; r++, at++) {
                scores[r] += weightsByFeature[at] * v;
            }
        }
        if (!known) {
            return null;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int r = 0; r < teams; r++) {
            scores[r] = Math.exp(scores[r] - max);
            sum += scores[r];
        }
        for (int r = 0; r < teams; r++) {
            scores[r] /= sum;
        }
        return scores;
    }

    /** Tribuo's own prediction of a text's team probabilities, by label (to check {@link #scores} against). */
    Map<String, Double> tribuoScores(String text) {
        TextFeatures.Extracted x = features.extract(text);
        Prediction<Label> p = model.predict(new ArrayExample<>(LABELS.getUnknownOutput(), x.names(), x.values()));
        Map<String, Double> scores = new LinkedHashMap<>();
        p.getOutputScores().forEach((label, l) -> scores.put(label, l.getScore()));
        return scores;
    }

    /** {@link #scores} by label, for tests. */
    Map<String, Double> scoresByTeam(String text) {
        double[] scores = scores(features.extract(text));
        Map<String, Double> byTeam = new LinkedHashMap<>();
        for (int r = 0; scores != null && r < teams; r++) {
            byTeam.put(teamOf[r], scores[r]);
        }
        return byTeam;
    }

    /** The citizen's words whose features added most to {@code team}'s score (positive contributions only). */
    private List<String> strongestWords(String team, TextFeatures.Extracted x,
            java.util.function.Predicate<String> explainable, int limit) {
        Integer row = labelIds.get(team);
        if (row == null) {
            return List.of();
        }
        Map<String, Double> byWord = new LinkedHashMap<>();
        for (int i = 0; i < x.buckets().length; i++) {
            int id = idOfBucket[x.buckets()[i]];
            if (id < 0) {
                continue;
            }
            double contribution = (weightsByFeature[id * teams + row] - meanWeight[id]) * x.values()[i];
            String word = x.words()[i];
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
        return ((LinearSGDModel) model).getWeightsCopy();
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
