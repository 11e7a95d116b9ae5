/// The OpenAPI 3.1 description of the service, served at `/v1/openapi.yaml` and checked by the
/// tests (schemathesis sends what it describes and checks every answer against it).
enum OpenAPIDocument {
    static let yaml = #"""
openapi: 3.1.0
info:
  title: Kinpress
  version: "1"
  summary: Plain-language documents for families from one Signs of Safety case file.
  description: |
    A case-management system sends one case file and gets back a document for one reader:
    the family, the child or professionals. The case is the request body: JSON
    (application/json), YAML (application/yaml), or a form (multipart/form-data) with a part
    named `case` and one part per picture, named by its path in the case. The case file's
    format is the JSON Schema at /v1/schema. Nothing a request carries is written to disk or
    kept after the answer.
servers:
  - url: /
security:
  - token: []
paths:
  /healthz:
    get:
      summary: Whether the service is up (no token needed).
      security: []
      responses:
        "200":
          description: Up.
          content:
            text/plain:
              schema: {type: string, const: "ok\n"}
  /v1/schema:
    get:
      summary: The JSON Schema of the case file format.
      responses:
        "200":
          description: The schema (draft 2020-12).
          content:
            application/json:
              schema: {type: object}
        "400": {$ref: "#/components/responses/BadRequest"}
        "401": {$ref: "#/components/responses/Unauthorised"}
  /v1/openapi.yaml:
    get:
      summary: This document.
      responses:
        "200":
          description: The OpenAPI document of this API.
          content:
            application/yaml:
              schema: {type: string}
        "400": {$ref: "#/components/responses/BadRequest"}
        "401": {$ref: "#/components/responses/Unauthorised"}
  /metrics:
    get:
      summary: Prometheus metrics - requests by route and status, durations, renders in flight and waiting, rejections.
      responses:
        "200":
          description: Prometheus text format 0.0.4.
          content:
            text/plain:
              schema: {type: string}
        "400": {$ref: "#/components/responses/BadRequest"}
        "401": {$ref: "#/components/responses/Unauthorised"}
  /v1/validate:
    post:
      summary: Check a case file, as `kinpress validate` does.
      requestBody: {$ref: "#/components/requestBodies/Case"}
      responses:
        "200":
          description: The case has no errors; it may have warnings.
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Problems"}
        "400": {$ref: "#/components/responses/BadRequest"}
        "401": {$ref: "#/components/responses/Unauthorised"}
        "413": {$ref: "#/components/responses/TooLarge"}
        "415": {$ref: "#/components/responses/UnsupportedType"}
        "422": {$ref: "#/components/responses/CaseProblems"}
  /v1/render:
    post:
      summary: One document for one reader, as `kinpress render` makes it (the same bytes).
      parameters:
        - name: document
          in: query
          required: true
          schema: {type: string, enum: [assessment, safety-plan, network-map, timeline, words-and-pictures, three-houses, safety-house, meeting-record, review-update, network-pack]}
        - name: audience
          in: query
          description: The reader; words-and-pictures, three-houses and safety-house are for the child, network-pack for the safety network, other documents for the family, unless given. A meeting-record needs the case's meeting (422 without).
          schema: {type: string, enum: [child, family, network, professional]}
        - name: child
          in: query
          description: One child's own documents (three-houses, safety-house, a child's safety-plan), by the child's id; without it, every child's.
          schema: {type: string}
        - {$ref: "#/components/parameters/format"}
        - {$ref: "#/components/parameters/theme"}
        - {$ref: "#/components/parameters/paper"}
        - name: strict
          in: query
          description: Refuse a case with empty texts or with lint errors for this reader.
          schema: {type: boolean}
      requestBody: {$ref: "#/components/requestBodies/Case"}
      responses:
        "200": {$ref: "#/components/responses/Output"}
        "400": {$ref: "#/components/responses/BadRequest"}
        "401": {$ref: "#/components/responses/Unauthorised"}
        "413": {$ref: "#/components/responses/TooLarge"}
        "415": {$ref: "#/components/responses/UnsupportedType"}
        "422": {$ref: "#/components/responses/CaseProblems"}
        "503": {$ref: "#/components/responses/Unavailable"}
  /v1/pack:
    post:
      summary: A meeting pack, as `kinpress pack` makes it - the chair's (professional) or the family's.
      parameters:
        - name: audience
          in: query
          schema: {type: string, enum: [family, professional], default: professional}
        - {$ref: "#/components/parameters/format"}
        - name: draft
          in: query
          description: Mark every page DRAFT.
          schema: {type: boolean}
        - {$ref: "#/components/parameters/theme"}
        - {$ref: "#/components/parameters/paper"}
      requestBody: {$ref: "#/components/requestBodies/Case"}
      responses:
        "200": {$ref: "#/components/responses/Output"}
        "400": {$ref: "#/components/responses/BadRequest"}
        "401": {$ref: "#/components/responses/Unauthorised"}
        "413": {$ref: "#/components/responses/TooLarge"}
        "415": {$ref: "#/components/responses/UnsupportedType"}
        "422": {$ref: "#/components/responses/CaseProblems"}
        "503": {$ref: "#/components/responses/Unavailable"}
  /v1/letter:
    post:
      summary: One letter to one person, as `kinpress letters --to PERSON` writes it - an invitation, or the decision letter once the meeting has decided. Read as that person reads, in their language; their address printed on their own letter only.
      parameters:
        - name: letter
          in: query
          required: true
          schema: {type: string, enum: [invitation, decision]}
        - name: to
          in: query
          required: true
          description: The id of the person or child in the case the letter is to.
          schema: {type: string}
        - {$ref: "#/components/parameters/format"}
        - {$ref: "#/components/parameters/theme"}
        - {$ref: "#/components/parameters/paper"}
      requestBody: {$ref: "#/components/requestBodies/Case"}
      responses:
        "200": {$ref: "#/components/responses/Output"}
        "400": {$ref: "#/components/responses/BadRequest"}
        "401": {$ref: "#/components/responses/Unauthorised"}
        "413": {$ref: "#/components/responses/TooLarge"}
        "415": {$ref: "#/components/responses/UnsupportedType"}
        "422": {$ref: "#/components/responses/CaseProblems"}
        "503": {$ref: "#/components/responses/Unavailable"}
  /v1/withheld:
    post:
      summary: For the chair only - what the family's pack leaves out, by case-file field.
      parameters:
        - name: audience
          in: query
          schema: {type: string, enum: [family], default: family}
      requestBody: {$ref: "#/components/requestBodies/Case"}
      responses:
        "200":
          description: Every item left out, with its field, who may see it and how it starts.
          content:
            application/json:
              schema:
                type: object
                required: [audience, count, items, forTheChairOnly]
                properties:
                  audience: {type: string}
                  forTheChairOnly: {type: string}
                  count: {type: integer, minimum: 0}
                  items:
                    type: array
                    items:
                      type: object
                      required: [field, visibility, summary]
                      properties:
                        field: {type: string}
                        visibility: {type: string, enum: [adults, professionals, not-shared]}
                        summary: {type: string}
        "400": {$ref: "#/components/responses/BadRequest"}
        "401": {$ref: "#/components/responses/Unauthorised"}
        "413": {$ref: "#/components/responses/TooLarge"}
        "415": {$ref: "#/components/responses/UnsupportedType"}
        "422": {$ref: "#/components/responses/CaseProblems"}
  /v1/lint:
    post:
      summary: Plain-language and practice checks for one reader, as `kinpress lint --json` reports them.
      parameters:
        - name: audience
          in: query
          schema: {type: string, enum: [child, family, network, professional], default: family}
      requestBody: {$ref: "#/components/requestBodies/Case"}
      responses:
        "200":
          description: The findings.
          content:
            application/json:
              schema:
                type: object
                required: [audience, files]
                properties:
                  audience: {type: string}
                  files:
                    type: array
                    items:
                      type: object
                      required: [file, errors, warnings, advice, readingAges, findings]
                      properties:
                        file: {type: string}
                        errors: {type: integer}
                        warnings: {type: integer}
                        advice: {type: integer}
                        readingAges: {type: object, additionalProperties: {type: number}}
                        findings:
                          type: array
                          items:
                            type: object
                            required: [severity, section, path, message]
                            properties:
                              severity: {type: string, enum: [error, warning, advice]}
                              section: {type: string}
                              path: {type: string}
                              line: {type: integer}
                              column: {type: integer}
                              message: {type: string}
                              term: {type: string}
                              offset: {type: integer}
                              suggestion: {type: string}
        "400": {$ref: "#/components/responses/BadRequest"}
        "401": {$ref: "#/components/responses/Unauthorised"}
        "413": {$ref: "#/components/responses/TooLarge"}
        "415": {$ref: "#/components/responses/UnsupportedType"}
        "422": {$ref: "#/components/responses/CaseProblems"}
        "503": {$ref: "#/components/responses/Unavailable"}
components:
  securitySchemes:
    token:
      type: http
      scheme: bearer
      description: Needed when the service runs with --tokens (every route but /healthz).
  parameters:
    format:
      name: format
      in: query
      schema: {type: string, enum: [pdf, html], default: pdf}
    theme:
      name: theme
      in: query
      description: A theme of the service's templates (Kinpress's own are default, large-print, easy-read and storyboard).
      schema: {type: string, default: default}
    paper:
      name: paper
      in: query
      schema: {type: string, enum: [a4, letter], default: a4}
  requestBodies:
    Case:
      required: true
      description: One case file (/v1/schema), with its pictures when sent as a form.
      content:
        application/json:
          schema: {type: object}
          example:
            format: 1
            case: {reference: NT-0001, localAuthority: Example Council, date: "2026-03-02", worker: sw}
            children:
              - {id: ava, name: Ava, dateOfBirth: "2020-01-15"}
            people:
              - {id: sw, name: Sam Okafor, relationship: Social worker, kind: professional, organisation: Example Council}
              - {id: mum, name: Jo Reed, relationship: Ava's mum, kind: parent}
        application/yaml:
          schema: {type: string}
        multipart/form-data:
          schema:
            type: object
            required: [case]
            properties:
              case: {type: string, contentMediaType: application/yaml}
            additionalProperties: {type: string, contentMediaType: application/octet-stream}
  schemas:
    Error:
      type: object
      required: [error]
      properties:
        error: {type: string}
    Problem:
      type: object
      required: [severity, field, path, message]
      properties:
        severity: {type: string, enum: [error, warning, advice]}
        code: {type: string}
        line: {type: integer, minimum: 1}
        column: {type: integer, minimum: 1}
        field: {type: string, description: "The field's path in the case file, such as safetyPlan.rules[3].who."}
        path: {type: string, description: The same as field, for older readers.}
        message: {type: string}
    Problems:
      type: object
      required: [ok, errors, warnings]
      properties:
        ok: {type: boolean}
        errors: {type: array, items: {$ref: "#/components/schemas/Problem"}}
        warnings: {type: array, items: {$ref: "#/components/schemas/Problem"}}
  responses:
    Output:
      description: The document, named by what it is (never by anything in the case).
      headers:
        Kinpress-Pages:
          description: Pages, for PDF.
          schema: {type: integer}
        Kinpress-Warnings:
          description: How many warnings `kinpress render` would print (texts no installed font can show, a story hard for a child).
          schema: {type: integer}
      content:
        application/pdf:
          schema: {type: string, format: binary}
        text/html:
          schema: {type: string}
    BadRequest:
      description: A parameter or value this endpoint does not take, or a form that cannot be read.
      content:
        application/json:
          schema: {$ref: "#/components/schemas/Error"}
    Unauthorised:
      description: No token, or not one the service knows.
    TooLarge:
      description: The body is larger than the service's --max-body.
      content:
        application/json:
          schema: {$ref: "#/components/schemas/Error"}
    UnsupportedType:
      description: The body is not JSON, YAML or a form.
      content:
        application/json:
          schema: {$ref: "#/components/schemas/Error"}
    CaseProblems:
      description: The case has errors (or, with strict, lint errors); each says its line, field and what to do.
      content:
        application/json:
          schema: {$ref: "#/components/schemas/Problems"}
    Unavailable:
      description: Every render slot and the queue are taken, or the render ran past the timeout. Try again after Retry-After seconds.
      headers:
        Retry-After:
          schema: {type: integer}
      content:
        application/json:
          schema: {$ref: "#/components/schemas/Error"}
"""#
}
