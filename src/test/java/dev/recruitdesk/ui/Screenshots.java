package dev.recruitdesk.ui;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Screenshots of real screens from tests: a snapshot of the scene (works under Monocle and Xvfb) written to
 * {@code target/screenshots/NAME}, and also into {@code -Dscreenshots.dir} when given (how assets/screenshots is made).
 */
public final class Screenshots {

    private Screenshots() {
    }

    public static void save(Scene scene, String name) throws Exception {
        WritableImage shot = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(10, TimeUnit.SECONDS);
        write(shot, Path.of("target/screenshots", name));
        String extra = System.getProperty("screenshots.dir");
        if (extra != null && !extra.isBlank()) {
            write(shot, Path.of(extra, name));
        }
    }

    private static void write(WritableImage image, Path file) throws Exception {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(out, "png", file.toFile());
    }
}
