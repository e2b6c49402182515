namespace ProceduralMemory.Cli.Reports;

/// <summary>
/// Points of any dimension projected onto their first two principal components, found by power iteration from a
/// fixed start (so the same points always give the same picture): the plane that shows most of their spread.
/// </summary>
internal static class PrincipalPlane
{
    private const int Iterations = 200;

    /// <summary>Each point's coordinates along the first and the second principal component of <paramref name="points"/>.</summary>
    public static (double X, double Y)[] Project(IReadOnlyList<float[]> points)
    {
        if (points.Count == 0)
            return [];
        int dimension = points[0].Length;
        var mean = new double[dimension];
        foreach (float[] point in points)
            for (int d = 0; d < dimension; d++)
                mean[d] += point[d] / (double)points.Count;
        double[][] centred = [.. points.Select(p => p.Select((v, d) => v - mean[d]).ToArray())];
        double[] first = Component(centred, dimension, orthogonalTo: null);
        double[] second = Component(centred, dimension, orthogonalTo: first);
        return [.. centred.Select(p => (Dot(p, first), Dot(p, second)))];
    }

    private static double[] Component(double[][] centred, int dimension, double[]? orthogonalTo)
    {
        // A start with a part along every axis, and none two alike, so no component is missed by symmetry.
        double[] v = [.. Enumerable.Range(0, dimension).Select(d => 1.0 + d / (double)dimension)];
        for (int iteration = 0; iteration < Iterations; iteration++)
        {
            if (orthogonalTo is not null)
                Subtract(v, orthogonalTo, Dot(v, orthogonalTo));
            var next = new double[dimension];
            foreach (double[] point in centred)
                Subtract(next, point, -Dot(point, v)); // next += (point · v) point: the covariance times v
            double norm = Math.Sqrt(Dot(next, next));
            if (norm == 0)
                return new double[dimension]; // no spread left in any direction
            for (int d = 0; d < dimension; d++)
                v[d] = next[d] / norm;
        }
        if (orthogonalTo is not null)
            Subtract(v, orthogonalTo, Dot(v, orthogonalTo));
        return v;
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
            sum += a[i] * b[i];
        return sum;
    }

    private static void Subtract(double[] target, double[] direction, double amount)
    {
        for (int i = 0; i < target.Length; i++)
            target[i] -= amount * direction[i];
    }
}
