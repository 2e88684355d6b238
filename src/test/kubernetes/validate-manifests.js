// Checks Kubernetes manifests against the API's schemas, offline: every object (YAML documents,
// JSON, items of a List) must be a kind the API knows and valid against that kind's schema, as
// kubernetes-models bundles it (generated from Kubernetes' OpenAPI document). Those schemas allow
// fields they do not name, which an API server drops unless the client asks for strict field
// validation, so a misspelt field would pass; this check also refuses every field the schema's
// validator never reads.
//
//   NODE_PATH=target/npm/node_modules node src/test/kubernetes/validate-manifests.js FILE_OR_DIRECTORY...
//
// A directory stands for its .yml, .yaml and .json files. ./mvnw verify runs it on deploy/kubernetes/
// (the modules come from src/test/typescript/package.json, installed into target/npm).
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const YAML = require("yaml");

/** The objects a file holds: its YAML documents or its JSON (an object or an array), with the items of a List. */
function objectsIn(file) {
  const text = fs.readFileSync(file, "utf8");
  let documents;
  if (file.endsWith(".json")) {
    documents = [JSON.parse(text)].flat();
  } else {
    documents = YAML.parseAllDocuments(text).map((document) => {
      if (document.errors.length > 0) {
        throw new Error(`${file}: ${document.errors[0].message}`);
      }
      return document.toJS();
    });
  }
  return documents
    .filter((document) => document !== null)
    .flatMap((document) => (document.kind === "List" ? document.items : [document]));
}

/** The model class of an object's apiVersion and kind, or null when the API has no such kind. */
function modelOf(object) {
  if (typeof object.apiVersion !== "string" || typeof object.kind !== "string") {
    return null;
  }
  try {
    return require(`kubernetes-models/${object.apiVersion}/${object.kind}`)[object.kind] ?? null;
  } catch (notFound) {
    return null;
  }
}

/** The value, seen through proxies that note the path of every own field read. */
function recording(value, at, read) {
  if (value === null || typeof value !== "object") {
    return value;
  }
  return new Proxy(value, {
    get(target, key, receiver) {
      const field = Reflect.get(target, key, receiver);
      if (typeof key !== "string" || !Object.hasOwn(target, key)) {
        return field;
      }
      read.add(`${at}/${key}`);
      return recording(field, `${at}/${key}`, read);
    },
  });
}

/** Every field's path in the value, e.g. /spec/template/spec/containers/0/image. */
function fieldsOf(value, at = "", into = []) {
  if (value !== null && typeof value === "object") {
    for (const [key, field] of Object.entries(value)) {
      into.push(`${at}/${key}`);
      fieldsOf(field, `${at}/${key}`, into);
    }
  }
  return into;
}

/** What is wrong with the object, in words; empty when nothing is. */
function problemsOf(object) {
  const Model = modelOf(object);
  if (Model === null) {
    return [`${object.apiVersion}/${object.kind} is not a kind of the Kubernetes API`];
  }
  try {
    new Model(object).validate();
  } catch (invalid) {
    return [invalid.message];
  }
  const read = new Set();
  Model.prototype.validate.call(recording(object, "", read));
  return fieldsOf(object)
    .filter((field) => !read.has(field))
    .map((field) => `${field} is not a field of ${object.apiVersion}/${object.kind}`);
}

// The check must refuse what it is meant to refuse: a misspelt field and a wrong type.
const sample = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "sample" },
  spec: {
    selector: { matchLabels: { app: "sample" } },
    template: {
      metadata: { labels: { app: "sample" } },
      spec: { containers: [{ name: "sample", image: "sample:1", ports: [{ containerPort: 8080 }] }] },
    },
  },
};
const misspelt = structuredClone(sample);
misspelt.spec.replica = 2;
const mistyped = structuredClone(sample);
mistyped.spec.template.spec.containers[0].ports[0].containerPort = "http";
if (problemsOf(sample).length > 0 || problemsOf(misspelt).length === 0 || problemsOf(mistyped).length === 0) {
  console.error("validate-manifests: the schema check no longer tells a valid Deployment from an invalid one");
  process.exit(2);
}

const files = process.argv.slice(2).flatMap((given) =>
  fs.statSync(given).isDirectory()
    ? fs.readdirSync(given).filter((name) => /\.(ya?ml|json)$/.test(name)).sort().map((name) => path.join(given, name))
    : [given]);
if (files.length === 0) {
  console.error("usage: validate-manifests.js FILE_OR_DIRECTORY...");
  process.exit(2);
}
let failures = 0;
for (const file of files) {
  for (const object of objectsIn(file)) {
    const name = `${path.basename(file)}: ${object.kind} ${object.metadata?.name ?? "(no name)"}`;
    const problems = problemsOf(object);
    if (problems.length === 0) {
      console.log(`valid    ${name}`);
    } else {
      failures++;
      console.error(`INVALID  ${name}`);
      for (const problem of problems) {
        console.error(`         ${problem}`);
      }
    }
  }
}
process.exit(failures === 0 ? 0 : 1);
