using System.Globalization;
using ProceduralMemory.Neural;

namespace ProceduralMemory.Cli.Reports;

/// <summary>The line that reports a skill encoder's last training epoch, the separation term named only when it was on.</summary>
internal static class EncoderLossLine
{
    public static string Of(VariationalLoss lastEpoch)
    {
        string separation = lastEpoch.SeparationWeight > 0
            ? string.Create(CultureInfo.InvariantCulture, $", separation {lastEpoch.Separation:0.000}")
            : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"  encoder's last epoch: reconstruction {lastEpoch.Reconstruction:0.000}, KL {lastEpoch.Divergence:0.000}{separation}");
    }
}
