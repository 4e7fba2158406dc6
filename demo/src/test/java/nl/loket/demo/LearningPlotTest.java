package nl.loket.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearningPlotTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void noScreen() {
        System.setProperty("java.awt.headless", "true");
    }

    static TrainReport report(int version, boolean promoted) {
        return new TrainReport(version, promoted, promoted ? version : version - 1, version - 1, 0.9, 0.8, 700, 1200, 240, null);
    }

    static final List<LearningDay> WEEK = List.of(
            new LearningDay(1, 400, 400, 400, 300, 120, 40, 110, null, report(1, true)),
            new LearningDay(2, 400, 398, 398, 340, 118, 80, 70, 1, report(2, true)),
            new LearningDay(3, 400, 400, 0, 0, 0, 0, 50, 2, report(3, false)),
            new LearningDay(4, 400, 400, 400, 370, 121, 105, 40, 2, null));

    @Test
    void writesAReadablePngOfTheDefaultSize() throws IOException {
        Path file = dir.resolve("target/simulate-learn.png");
        LearningPlot.write(WEEK, "Een week leren", file);

        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(LearningPlot.WIDTH);
        assertThat(image.getHeight()).isEqualTo(LearningPlot.HEIGHT);
        assertThat(colours(image)).as("the lines are drawn in their colours")
                .contains(LearningPlot.ACCURACY.getRGB(), LearningPlot.TRANSFERS.getRGB(), LearningPlot.HARD.getRGB());
    }

    @Test
    void writesTheRequestedSizeAndSurvivesDaysWithoutFigures() throws IOException {
        Path file = dir.resolve("small.png");
        LearningPlot.write(List.of(new LearningDay(1, 0, 0, 0, 0, 0, 0, 0, null, null)), "leeg", file, 400, 300);

        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(400);
        assertThat(image.getHeight()).isEqualTo(300);
    }

    private static java.util.Set<Integer> colours(BufferedImage image) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen;
    }
}
