-- A broker rename on a Redis Cluster, step 1 of 3: every check, nothing written. The names hash and the audit stream
-- live in different slots, so the rename is three steps: this, the audit entry (audit-append.lua), then the name
-- (broker-name-set.lua). Runs after broker-name-checks.lua (broker_name_checks).
-- KEYS: 1 the names hash (console:broker_names)
-- ARGV: 1 broker id, 2 expected name ('any' | 'missing' | 'is:<name>'), 3 the new name ('' removes it),
--       4 longest name in bytes, 5 longest broker id in bytes, 6 why the audit stream cannot take the entry ('' when
--       it can), 7 the audit stream's key, 8 audit MAXLEN
-- Reply: {'OK', name now} when steps 2 and 3 may run, else {outcome, name now ('' for none), detail}.
local id, name = ARGV[1], ARGV[3]
local refused, shown = broker_name_checks(KEYS[1], id, ARGV[2], name, ARGV[4], ARGV[5], ARGV[6])
if refused then return refused end

-- Redis 7 answers for the ACL up front, for the stream's step too (another slot: only asked about here).
if redis.acl_check_cmd then
  local asked = {{'TIME'}, {'XADD', ARGV[7], 'MAXLEN', '~', ARGV[8], '*', 'broker_id', id},
    name == '' and {'HDEL', KEYS[1], id} or {'HSET', KEYS[1], id, name}}
  for _, c in ipairs(asked) do
    if not redis.acl_check_cmd(unpack(c)) then
      return {'DENIED', shown, 'the Redis user may not run ' .. c[1] .. (c[2] and (' ' .. c[2]) or '') .. '; nothing was written'}
    end
  end
end
return {'OK', shown}
