extension CSVTable {
    /// The file as UTF-8 text, and the encoding it was in.
    ///
    /// A byte order mark decides: UTF-8 (Excel's "CSV UTF-8"), UTF-16 LE or BE (Excel's "Unicode
    /// text"). Without one the file must be valid UTF-8; a plain "CSV" save from Excel is in the
    /// system's code page (Windows-1252 in Latin America, Mac Roman on older Macs), and guessing
    /// a code page would garble names without saying so, so it is refused with the line of the
    /// first byte that does not decode.
    static func decode(_ bytes: [UInt8]) throws(CSVError) -> (text: [UInt8], encoding: Encoding) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let text = Array(bytes.dropFirst(3))
            try checkUTF8(text)
            return (text, .utf8WithBOM)
        }
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            throw CSVError(.unsupportedEncoding, ImportMessage("csv.utf32"))
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return (try utf8(fromUTF16: bytes.dropFirst(2), bigEndian: false), .utf16LittleEndian) }
        if bytes.starts(with: [0xFE, 0xFF]) { return (try utf8(fromUTF16: bytes.dropFirst(2), bigEndian: true), .utf16BigEndian) }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            throw CSVError(.notText, ImportMessage("csv.workbook", ".xlsx, .ods"))
        }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            throw CSVError(.notText, ImportMessage("csv.workbook", ".xls"))
        }
        if let nul = bytes.firstIndex(of: 0) {
            throw CSVError(.notText, ImportMessage("csv.nul", String(line(of: nul, in: bytes))))
        }
        try checkUTF8(bytes)
        return (bytes, .utf8)
    }

    /// Throws ``CSVError/Code/notUTF8`` naming the line of the first byte that is not UTF-8.
    private static func checkUTF8(_ bytes: [UInt8]) throws(CSVError) {
        guard let offset = firstInvalidUTF8(in: bytes) else { return }
        let line = String(line(of: offset, in: bytes))
        // A Latin-1 letter (0xC0–0xFF: Á, ñ, ü…) is what Windows-1252 writes for accented names;
        // naming it tells the user which name is garbled. Bytes below 0xC0 differ between code pages.
        if bytes[offset] >= 0xC0, bytes[offset] != 0xD7, bytes[offset] != 0xF7 {
            let letter = String(Character(Unicode.Scalar(bytes[offset])))
            throw CSVError(.notUTF8, ImportMessage("csv.notUTF8Latin", line, letter))
        }
        throw CSVError(.notUTF8, ImportMessage("csv.notUTF8", line))
    }

    /// The offset of the first byte that does not start a well-formed UTF-8 sequence (Unicode 15,
    /// table 3-7: no overlong forms, no surrogates, nothing past U+10FFFF), or `nil`.
    static func firstInvalidUTF8(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            var index = 0
            let count = buffer.count
            while index < count {
                let lead = buffer[index]
                if lead < 0x80 {
                    index += 1
                    continue
                }
                var low: UInt8 = 0x80
                var high: UInt8 = 0xBF
                let continuation: Int
                switch lead {
                case 0xC2...0xDF: continuation = 1
                case 0xE0: continuation = 2; low = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: continuation = 2
                case 0xED: continuation = 2; high = 0x9F
                case 0xF0: continuation = 3; low = 0x90
                case 0xF1...0xF3: continuation = 3
                case 0xF4: continuation = 3; high = 0x8F
                default: return index
                }
                guard index + continuation < count, (low...high).contains(buffer[index + 1]) else { return index }
                var next = 2
                while next <= continuation {
                    guard buffer[index + next] & 0xC0 == 0x80 else { return index }
                    next += 1
                }
                index += continuation + 1
            }
            return nil
        }
    }

    /// UTF-16 code units, two bytes each, as UTF-8; unpaired surrogates are refused.
    private static func utf8(fromUTF16 bytes: ArraySlice<UInt8>, bigEndian: Bool) throws(CSVError) -> [UInt8] {
        guard bytes.count % 2 == 0 else { throw CSVError(.unsupportedEncoding, ImportMessage("csv.badUTF16")) }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let first = UInt16(bytes[index])
            let second = UInt16(bytes[index + 1])
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        var text: [UInt8] = []
        text.reserveCapacity(units.count + units.count / 4)
        let failed = transcode(units.makeIterator(), from: UTF16.self, to: UTF8.self, stoppingOnError: true) {
            text.append($0)
        }
        if failed { throw CSVError(.unsupportedEncoding, ImportMessage("csv.badUTF16")) }
        if text.contains(0) {
            let nul = text.firstIndex(of: 0)!
            throw CSVError(.notText, ImportMessage("csv.nul", String(line(of: nul, in: text))))
        }
        return text
    }

    /// The line (from 1) that the byte at `offset` is on, counting CRLF, LF and CR as one break each.
    private static func line(of offset: Int, in bytes: [UInt8]) -> Int {
        var line = 1
        var index = 0
        while index < offset {
            if bytes[index] == 0x0A || (bytes[index] == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A)) {
                line += 1
            }
            index += 1
        }
        return line
    }
}
