import { describe, expect, it } from 'vitest';
import { describeFailure, toQuery } from './requester';

describe('requester helpers', () => {
  it('builds Rails-style queries in snake_case', () => {
    expect(decodeURIComponent(toQuery({ perPage: 100, iids: [1, 2], not: { labelName: 'x' }, skip: undefined }))).toBe('per_page=100&iids[]=1&iids[]=2&not[label_name]=x');
  });

  it('reads GitLab error bodies of every shape', () => {
    expect(describeFailure('{"message":"403 Forbidden"}', 'application/json')).toBe('403 Forbidden');
    expect(describeFailure('{"message":{"title":["can\'t be blank"]}}', 'application/json')).toBe('{"title":["can\'t be blank"]}');
    expect(describeFailure('{"error":"insufficient_scope","error_description":"needs api","scope":"api"}', 'application/json')).toBe('insufficient_scope: needs api');
    expect(describeFailure('Retry later\n', 'text/plain')).toBe('Retry later');
    expect(describeFailure('<html>bad gateway', 'application/json')).toBe('<html>bad gateway');
  });
});
