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
        JsonArray snapshots = JsonNode.Parse(File.ReadAllText(Path.Combine(trained.Path, "skills.json")))!.AsArray();
        JsonArray skills = snapshots[^1]!["skills"]!.AsArray();
        Assert.NotEmpty(skills);
        Assert.Equal(skills.Count, Regex.Count(dom, "<tr class=\"skill\">"));
        foreach (JsonNode? skill in skills)
            Assert.Contains($"<td>{(string)skill!["name"]!}</td>", dom);
        Assert.Equal(File.ReadAllLines(Path.Combine(trained.Path, "evaluation.csv")).Length - 1, Regex.Count(dom, "<tr class=\"checkpoint\">"));
        // The browser parsed the charts as SVG: two figures of two charts, each with its lines drawn. A line needs two
        // points: a skill's uses line starts at the second evaluation it appears at, its success-rate line at the
        // second at which it has been used (a skill never used has none).
        Assert.Equal(2, Regex.Count(dom, "<svg "));
        Assert.Equal(4, Regex.Count(dom, "<g class=\"chart\">"));
        int SkillLines(Func<JsonNode, bool> hasPoint) => skills.Count(skill => snapshots.Count(snapshot => snapshot!["skills"]!.AsArray()
            .Any(k => (int)k!["id"]! == (int)skill!["id"]! && hasPoint(k))) >= 2);
        Assert.Equal(1 + 1 + SkillLines(_ => true) + SkillLines(k => (int)k["uses"]! > 0), Regex.Count(dom, "<polyline "));

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
