import Testing

@testable import HTTPServer

@Suite struct DeflaterTests {
    @Test(arguments: CompressionFormat.allCases, [0, 1, 100, 1024, 70_000, 300_000])
    func roundTripRestoresTheBytes(format: CompressionFormat, size: Int) throws {
        let original = MiddlewareFixtures.json(size).prefix(size).map { $0 }
        let compressed = try Deflater.compress(original, format: format)
        #expect(try Inflater.decompress(compressed, format: format) == original)
        if size >= 1024 {
            #expect(compressed.count < original.count / 3)
        }
    }

    @Test(arguments: CompressionFormat.allCases)
    func incompressibleBytesSurviveTheRoundTrip(format: CompressionFormat) throws {
        let original = MiddlewareFixtures.noise(100_000)
        let compressed = try Deflater.compress(original, format: format, level: 9)
        #expect(try Inflater.decompress(compressed, format: format) == original)
    }

    @Test func gzipOutputHasGzipFramingAndDeflateHasZlibFraming() throws {
        let bytes = Array("framing".utf8)
        let gzip = try Deflater.compress(bytes, format: .gzip)
        #expect(Array(gzip.prefix(3)) == [0x1F, 0x8B, 0x08])
        let zlib = try Deflater.compress(bytes, format: .deflate)
        #expect(zlib[0] & 0x0F == 8)  // CM = deflate
        #expect((UInt16(zlib[0]) << 8 | UInt16(zlib[1])) % 31 == 0)  // FCHECK
    }

    @Test func oneDeflaterCompressesManyBuffers() throws {
        let deflater = try Deflater(format: .gzip, level: 1)
        let inflater = try Inflater(format: .gzip)
        for size in [10, 5_000, 0, 20_000] {
            let original = MiddlewareFixtures.json(size)
            #expect(try inflater.decompress(deflater.compress(original)) == original)
        }
    }

    @Test func readsStreamsWrittenByOtherImplementations() throws {
        let gzip: [UInt8] = [
            31, 139, 8, 0, 0, 0, 0, 0, 2, 3, 203, 72, 205, 201, 201, 87, 200, 64, 39, 1,
            227, 81, 61, 141, 23, 0, 0, 0,
        ]
        let zlib: [UInt8] = [120, 156, 203, 72, 205, 201, 201, 87, 200, 64, 39, 1, 104, 3, 8, 177]
        let expected = Array("hello hello hello hello".utf8)
        #expect(try Inflater.decompress(gzip, format: .gzip) == expected)
        #expect(try Inflater.decompress(zlib, format: .deflate) == expected)
    }

    @Test func concatenatedGzipMembersDecompressInTurn() throws {
        let first = try Deflater.compress(Array("first ".utf8), format: .gzip)
        let second = try Deflater.compress(Array("second".utf8), format: .gzip)
        #expect(try Inflater.decompress(first + second, format: .gzip) == Array("first second".utf8))
    }

    @Test func truncatedInputIsAnError() throws {
        let compressed = try Deflater.compress(MiddlewareFixtures.json(5_000), format: .gzip)
        let error = #expect(throws: ZlibError.self) {
            try Inflater.decompress(Array(compressed.dropLast(10)), format: .gzip)
        }
        #expect(error?.code == -5)
        #expect(throws: ZlibError.self) { try Inflater.decompress([], format: .deflate) }
    }

    @Test func corruptInputIsADataError() throws {
        var compressed = try Deflater.compress(MiddlewareFixtures.json(5_000), format: .deflate)
        compressed[0] = 0x00
        let error = #expect(throws: ZlibError.self) { try Inflater.decompress(compressed, format: .deflate) }
        #expect(error?.code == -3)
        #expect(error?.message.isEmpty == false)
    }

    @Test func theWrongFramingIsRefused() throws {
        let gzip = try Deflater.compress(Array("abc".utf8), format: .gzip)
        #expect(throws: ZlibError.self) { try Inflater.decompress(gzip, format: .deflate) }
    }

    @Test func trailingBytesAfterAZlibStreamAreRefused() throws {
        let zlib = try Deflater.compress(Array("abc".utf8), format: .deflate)
        #expect(throws: ZlibError.self) { try Inflater.decompress(zlib + [1, 2, 3], format: .deflate) }
    }

    @Test func outputPastTheLimitIsRefused() throws {
        let bomb = try Deflater.compress([UInt8](repeating: 0, count: 1_000_000), format: .gzip)
        #expect(bomb.count < 2_000)
        let error = #expect(throws: ZlibError.self) {
            try Inflater.decompress(bomb, format: .gzip, maxOutputBytes: 100_000)
        }
        #expect(error?.message.contains("100000") == true)
        #expect(try Inflater.decompress(bomb, format: .gzip, maxOutputBytes: 1_000_000).count == 1_000_000)
    }
}
