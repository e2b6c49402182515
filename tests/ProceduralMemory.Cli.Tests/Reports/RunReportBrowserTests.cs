using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ProceduralMemory.Cli.Tests.Browser;

namespace ProceduralMemory.Cli.Tests.Reports;

/// <summary><c>procmem report</c>'s page in a real headless Chromium, and proof that each check can fail.</summary>
public class RunReportBrowserTests(TrainedRun trained) : IClassFixture<TrainedRun>
{
    [ChromiumFact]
    public void Report_RendersInChromium_WithItsTablesAndCharts_AndNoConsoleErrors()
    {
        using var dir = new TemporaryDirectory();
        string page = dir.Combine("report.html");
        Assert.Equal(0, CliRun.Of("report", "--run", trained.Path, "--out", page).ExitCode);

        var (dom, console) = HeadlessChromium.Load(page);
        Assert.Empty(console);
        JsonArray skills = JsonNode.Parse(File.ReadAllText(Path.Combine(trained.Path, "skills.json")))!.AsArray()[^1]!["skills"]!.AsArray();
        Assert.NotEmpty(skills);
        Assert.Equal(skills.Count, Regex.Count(dom, "<tr class=\"skill\">"));
        foreach (JsonNode? skill in skills)
            Assert.Contains($"<td>{(string)skill!["name"]!}</td>", dom);
        Assert.Equal(File.ReadAllLines(Path.Combine(trained.Path, "evaluation.csv")).Length - 1, Regex.Count(dom, "<tr class=\"checkpoint\">"));
        // The browser parsed the charts as SVG: two figures of two charts, each with its lines drawn.
        Assert.Equal(2, Regex.Count(dom, "<svg "));
        Assert.Equal(4, Regex.Count(dom, "<g class=\"chart\">"));
        Assert.True(Regex.Count(dom, "<polyline ") >= 1 + 1 + 2 * skills.Count);

        string png = dir.Combine("report.png");
        HeadlessChromium.Screenshot(page, png, 1100, 2400);
        PngImage image = PngImage.Read(png);
        Assert.Equal((1100, 2400), (image.Width, image.Height));
        Assert.True(image.Colours >= 100, $"the screenshot has only {image.Colours} colours");
        Assert.True(image.ForegroundShare >= 0.1, $"only {image.ForegroundShare:P1} of the screenshot differs from its background");
    }

    [ChromiumFact]
    public void ConsoleCheck_CatchesAScriptError()
    {
        using var dir = new TemporaryDirectory();
        string page = dir.Combine("broken.html");
        File.WriteAllText(page, "<!DOCTYPE html><html><body><p>broken</p><script>undefinedFunction();</script></body></html>");
        var (dom, console) = HeadlessChromium.Load(page);
        Assert.Contains("<p>broken</p>", dom);
        Assert.Contains(console, line => line.Contains("Uncaught ReferenceError: undefinedFunction is not defined", StringComparison.Ordinal));
    }

    [ChromiumFact]
    public void ScreenshotCheck_TellsABlankPage_AndReadsItsColour()
    {
        using var dir = new TemporaryDirectory();
        string page = dir.Combine("blank.html"), png = dir.Combine("blank.png");
        File.WriteAllText(page, "<!DOCTYPE html><html><body style=\"background:#0072B2\"></body></html>");
        HeadlessChromium.Screenshot(page, png, 300, 200);
        PngImage image = PngImage.Read(png);
        Assert.Equal((300, 200), (image.Width, image.Height));
        Assert.Equal(1, image.Colours);
        Assert.Equal(0.0, image.ForegroundShare);
        Assert.Equal(0x0072B2u, image.Pixels[0]);
    }
}
