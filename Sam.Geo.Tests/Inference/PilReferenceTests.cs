using System.Security.Cryptography;
using Sam.Geo.Inference;

namespace Sam.Geo.Tests.Inference;

/// <summary>
/// Byte-exact agreement with Pillow. The hashes are SHA-256 of <c>np.array(Image.fromarray(p).resize((dw, dh),
/// Image.BILINEAR))</c> computed with Pillow 9.4 (Debian python3-pil) on the <see cref="Pattern"/> image, sizes
/// including SAM's long-side-1024 targets.
/// </summary>
public class PilReferenceTests
{
    [Theory]
    [InlineData(13, 7, 5, 3, "f9015c2d0fd46ab407524af89f7b4bb5cb817fbf883a3a0706e012206bd8271f")]
    [InlineData(7, 5, 17, 11, "fec78864c19d770f2170d2f41c827f72f71760b255a3efa94349fd6983d45878")]
    [InlineData(40, 30, 16, 12, "376bbfb8dacdf802967a64747a99af769993269a73ce16258177e60573fc34b0")]
    [InlineData(30, 40, 13, 29, "31e99874751d7c8cd7d679fa04383d8a1dac7fab6c91d10431533663c7386bb6")]
    [InlineData(3, 1, 1, 1, "815f4410e2f42b8161e663c92f39b8e087d48e77b560c304754a9f714886a0aa")]
    [InlineData(2600, 1800, 1024, 709, "829365ed4e7822d6068ef0aac7b2830cee1db11c227d754bda8934dd19203868")]
    [InlineData(300, 200, 1024, 683, "cb237e8288c301099cee68f9e68185f98aaa6e3c2eb0f886463bff6698b2b2b6")]
    [InlineData(5000, 300, 1024, 61, "51b7e38c171f7daa3c2ad5033bf096f3c59736e28ba8b0d7f0a3001ac0b3d55b")]
    [InlineData(333, 1024, 333, 1024, "a386dfadfbe9674d1e32fbf8264952e15d0c3f0aa24c45ee02fdb7638a6a0f6e")]
    [InlineData(1500, 2000, 768, 1024, "b3104281c2259bb44b8283165c4379a168d5e8f8f8f2468c9e1995de9ec7ba0b")]
    [InlineData(1023, 1025, 1022, 1024, "c8ccdcacdcae83cfe93dd1b391c8f04f0c3d5af6ef913540005713a257e0c30a")]
    [InlineData(1, 1, 1024, 1024, "a70cb251087c73afcc7be73dc1e2309820ed52f048deb515da945fbfd11d7ef7")]
    public void Resize_Pattern_MatchesPillowByteForByte(int width, int height, int newWidth, int newHeight, string sha256)
    {
        var dst = new byte[newWidth * newHeight * 3];

        PilBilinearResize.Resize(Pattern(width, height), width, height, dst, newWidth, newHeight);

        Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(dst)));
    }

    [Theory]
    [InlineData(2600, 1800)]
    [InlineData(5000, 300)]
    public void ResizeLongSide_SamTargets_UsesFrameSize(int width, int height)
    {
        var resized = new byte[1024 * 1024 * 3];

        var frame = SamPreprocessor.ResizeLongSide(Pattern(width, height), width, height, resized);

        var direct = new byte[frame.ResizedWidth * frame.ResizedHeight * 3];
        PilBilinearResize.Resize(Pattern(width, height), width, height, direct, frame.ResizedWidth, frame.ResizedHeight);
        Assert.Equal(direct, resized.AsSpan(0, direct.Length).ToArray());
    }

    /// <summary>A busy deterministic RGB pattern (high frequencies, so antialiasing matters).</summary>
    private static byte[] Pattern(int width, int height)
    {
        var rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
                for (int c = 0; c < 3; c++)
                    rgb[(y * width + x) * 3 + c] = (byte)((x * 37 + y * 91 + c * 53 + (x * y % 17) * 13 + (x / 7 + y / 5) % 3 * 40) % 256);
        return rgb;
    }
}
