using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ProceduralMemory.Cli.Tests.Browser;

/// <summary>
/// The pixels of a PNG file: enough of the format (8-bit RGB or RGBA, not interlaced, what Chromium's screenshots
/// are) to tell a rendered page from a blank one.
/// </summary>
internal sealed class PngImage
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    private PngImage(int width, int height, uint[] pixels)
    {
        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Each pixel as 0xRRGGBB, row by row (transparency dropped).</summary>
    public IReadOnlyList<uint> Pixels { get; }

    /// <summary>How many different colours the image has.</summary>
    public int Colours => Pixels.Distinct().Count();

    /// <summary>The share of pixels not of the image's most common colour (its background).</summary>
    public double ForegroundShare => 1 - (double)Pixels.GroupBy(p => p).Max(g => g.Count()) / Pixels.Count;

    public static PngImage Read(string path)
    {
        byte[] file = File.ReadAllBytes(path);
        if (!file.AsSpan(0, Math.Min(8, file.Length)).SequenceEqual(Signature))
            throw new InvalidDataException($"{path} is not a PNG file");
        int width = 0, height = 0, channels = 0;
        using var compressed = new MemoryStream();
        for (int at = 8; at + 8 <= file.Length;)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(at));
            string type = Encoding.ASCII.GetString(file, at + 4, 4);
            ReadOnlySpan<byte> data = file.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                (width, height) = (BinaryPrimitives.ReadInt32BigEndian(data), BinaryPrimitives.ReadInt32BigEndian(data[4..]));
                byte depth = data[8], colourType = data[9], interlace = data[12];
                channels = colourType switch { 2 => 3, 6 => 4, _ => 0 };
                if (depth != 8 || channels == 0 || interlace != 0)
                    throw new NotSupportedException($"{path}: only 8-bit RGB or RGBA without interlacing is read (depth {depth}, colour type {colourType}, interlace {interlace})");
            }
            else if (type == "IDAT")
                compressed.Write(data);
            else if (type == "IEND")
                break;
            at += 12 + length;
        }
        compressed.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionMode.Decompress))
            zlib.CopyTo(inflated);
        return new PngImage(width, height, Unfilter(inflated.ToArray(), width, height, channels));
    }

    /// <summary>Undoes each row's filter (PNG specification, section 9) and packs the pixels.</summary>
    private static uint[] Unfilter(byte[] data, int width, int height, int channels)
    {
        int stride = width * channels;
        if (data.Length < height * (stride + 1))
            throw new InvalidDataException($"the image data holds {data.Length} bytes, fewer than {height} rows of {stride + 1}");
        var previous = new byte[stride];
        var row = new byte[stride];
        var pixels = new uint[width * height];
        for (int y = 0; y < height; y++)
        {
            int filter = data[y * (stride + 1)];
            data.AsSpan(y * (stride + 1) + 1, stride).CopyTo(row);
            for (int i = 0; i < stride; i++)
            {
                int left = i >= channels ? row[i - channels] : 0, up = previous[i], upLeft = i >= channels ? previous[i - channels] : 0;
                row[i] += (byte)(filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"row {y} has unknown filter {filter}"),
                });
            }
            for (int x = 0; x < width; x++)
                pixels[y * width + x] = (uint)(row[x * channels] << 16 | row[x * channels + 1] << 8 | row[x * channels + 2]);
            (previous, row) = (row, previous);
        }
        return pixels;
    }

    private static int Paeth(int left, int up, int upLeft)
    {
        int estimate = left + up - upLeft;
        int toLeft = Math.Abs(estimate - left), toUp = Math.Abs(estimate - up), toUpLeft = Math.Abs(estimate - upLeft);
        return toLeft <= toUp && toLeft <= toUpLeft ? left : toUp <= toUpLeft ? up : upLeft;
    }
}
