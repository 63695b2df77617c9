import Foundation
import XCTest

/// Paths of committed fixtures and scratch folders for the host tests.
enum Fixtures {
    static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let root = tests.deletingLastPathComponent()
    static func url(_ relative: String) -> URL { tests.appendingPathComponent("Fixtures").appendingPathComponent(relative) }

    static func scratch(_ name: String = #function) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("idgenrec-host-\(ProcessInfo.processInfo.processIdentifier)")
            .appendingPathComponent(name.filter { $0.isLetter || $0.isNumber })
        try? FileManager.default.removeItem(at: dir)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static func write(_ text: String, to url: URL) throws {
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// Compiles a C plugin into `dir` with the system `cc` (skips the test when there is no compiler).
    static func compilePlugin(_ source: URL, into dir: URL, name: String, defines: [String] = []) throws -> URL {
        let out = dir.appendingPathComponent("lib\(name).so")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["cc", "-shared", "-fPIC", "-O1", "-I", root.appendingPathComponent("include").path]
            + defines.map { "-D" + $0 } + [source.path, "-o", out.path, "-ljson-c", "-lm"]
        let err = Pipe()
        p.standardError = err
        try p.run()
        let msg = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        if p.terminationStatus == 127 { throw XCTSkip("no C compiler (cc) on this machine") }
        guard p.terminationStatus == 0 else { throw NSError(domain: "cc", code: Int(p.terminationStatus), userInfo: [NSLocalizedDescriptionKey: msg]) }
        return out
    }

    static func requirePython() throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "pass"]
        try p.run()
        p.waitUntilExit()
        if p.terminationStatus != 0 { throw XCTSkip("python3 is not available") }
    }

    /// A small catalog with colliding titles, as a dataset loader would give it.
    static let catalog: [CatalogItem] = [
        CatalogItem(rawID: "B01", text: "title: Calvin Klein Truth Eau de Parfum; brand: Calvin Klein", fields: ["title": "Calvin Klein Truth Eau de Parfum"]),
        CatalogItem(rawID: "B02", text: "title: Calvin Klein Truth Body Lotion; brand: Calvin Klein", fields: ["title": "Calvin Klein Truth Body Lotion"]),
        CatalogItem(rawID: "B03", text: "title: Oriental Rose Perfume Oil; brand: Attar", fields: ["title": "Oriental Rose Perfume Oil"]),
        CatalogItem(rawID: "B04", text: "title: Oriental Rose Perfume; brand: Attar Deluxe", fields: ["title": "Oriental Rose Perfume"]),
        CatalogItem(rawID: "B05", text: "title: Lavender Hand Cream; brand: Provence", fields: ["title": "Lavender Hand Cream"]),
        CatalogItem(rawID: "B06", text: "title: Lavender Hand Cream; brand: Provence Travel", fields: ["title": "Lavender Hand Cream"]),
    ]
}

import IDGenHost
