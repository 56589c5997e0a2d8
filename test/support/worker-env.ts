// Runs in each worker of a database lane before its test file: everything built on config()
// (graph/neo4j/config.ts), and every command a test spawns, then reaches the lane's own Neo4j.
import { inject } from 'vitest';

const connection = inject('neo4j');
process.env['NEO4J_URI'] = connection.uri;
process.env['NEO4J_USERNAME'] = connection.username;
process.env['NEO4J_PASSWORD'] = connection.password;
process.env['NEO4J_DATABASE'] = connection.database;
