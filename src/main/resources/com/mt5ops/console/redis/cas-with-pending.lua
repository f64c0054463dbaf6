-- The decision point of a transition when the keys live in different slots (Redis Cluster): the compare-and-set
-- on the instance hash and, in the same atomic step, the pending record that holds everything the audit entry needs.
-- KEYS: 1 instance hash, 2 its pending record {instance:<id>}:console:txn (the same slot, by its hash tag)
-- ARGV: 1 id, 2 expected state ('any' | 'missing' | 'is:<state>'), 3 target state, 4 '1' to mark a restart,
--       5 allowed " from>to " pairs, 6 operator (claimed), 7 Redis user (as the server named it), 8 host, 9 reason,
--       10 transaction id, 11 why the read-only pre-checks refuse ('' when they do not), 12 audit stream,
--       13 health hash, 14 counted record, 15.. every known instance:state:* set
-- Reply: {outcome, state now, detail, time, time_ms}. CHANGED: the state and the pending record are written (detail:
--        the state it changed from).
-- IN_FLIGHT: another transition's pending record is here (detail names it; time_ms is its age in ms).
-- Sent behind server-time.lua (iso8601) and state-check.lua (refuse_transition). Every check runs before the first write: Redis keeps a script's earlier writes when a later command fails.
if redis.replicate_commands then redis.replicate_commands() end -- Redis 6.2: TIME before writes needs effects replication

local function kind(key) return redis.call('TYPE', key)['ok'] end
local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]), tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end

local it = kind(KEYS[1])
local cur = nil
if it == 'hash' then cur = redis.call('HGET', KEYS[1], 'state') end
local shown = cur or ''

local pt = kind(KEYS[2])
if pt == 'hash' then
  local p = redis.call('HMGET', KEYS[2], 'txn', 'from', 'to', 'operator', 'time', 'time_ms')
  local _, ms = now_ms()
  local age = tonumber(p[6] or '') and (ms - tonumber(p[6])) or 0
  return {'IN_FLIGHT', shown, 'transaction ' .. (p[1] or '?') .. ' (' .. (p[2] or '?') .. ' -> ' .. (p[3] or '?')
    .. ' by ' .. (p[4] or '?') .. ' at ' .. (p[5] or '?') .. ')', '', string.format('%.0f', age)}
elseif pt ~= 'none' then
  return {'REFUSED', shown, KEYS[2] .. ' is a ' .. pt .. ', not a hash'}
end

if it == 'none' then return {'NOT_FOUND', '', 'no instance hash'} end
if it ~= 'hash' then return {'NOT_FOUND', '', KEYS[1] .. ' is a ' .. it .. ', not a hash'} end
local to = ARGV[3]
local refused = refuse_transition('cas-with-pending.lua', cur, ARGV[2], to, ARGV[5])
if refused then return refused end
if ARGV[11] ~= '' then return {'REFUSED', cur, ARGV[11]} end

-- Redis 7 answers for the ACL up front: this script's two writes and every command the follow-up steps will send
-- (on other slots, so they are only asked about here), so a user who could not finish changes nothing at all.
if redis.acl_check_cmd then
  local txn, id = ARGV[10], ARGV[1]
  local asked = {
    {'TIME'}, {'HSET', KEYS[2], 'txn', txn}, {'HSET', KEYS[1], 'state', to, 'last_updated_at', ''}, {'DEL', KEYS[2]},
    {'XRANGE', ARGV[12], '-', '+'}, {'XADD', ARGV[12], 'MAXLEN', '~', '1', '*', 'txn', txn},
  }
  if ARGV[4] == '1' then
    asked[#asked + 1] = {'HINCRBY', ARGV[13], 'restart_count', '1'}
    asked[#asked + 1] = {'HSET', ARGV[14], txn, ''}
    asked[#asked + 1] = {'HDEL', ARGV[14], txn}
    asked[#asked + 1] = {'PEXPIRE', ARGV[14], '1'}
  end
  for i = 15, #ARGV do
    asked[#asked + 1] = {'SREM', ARGV[i], id}
    asked[#asked + 1] = {'SADD', ARGV[i], id}
  end
  for _, c in ipairs(asked) do
    if not redis.acl_check_cmd(unpack(c)) then
      return {'DENIED', cur, 'the Redis user may not run ' .. c[1] .. (c[2] and (' ' .. c[2]) or '') .. '; nothing was written'}
    end
  end
end

local function failed(r)
  if type(r) == 'table' and r.err then
    local denied = string.find(r.err, 'NOPERM', 1, true) or string.find(r.err, "can't run this command", 1, true)
      or string.find(r.err, "can't access", 1, true)
    return (denied and 'permission denied: ' or '') .. r.err, denied
  end
  return nil
end

local secs, ms = now_ms()
local now, at = iso8601(secs), string.format('%.0f', ms)
-- The pending record first: where the ACL cannot be asked (6.2) a denial of it leaves nothing.
local why, denied = failed(redis.pcall('HSET', KEYS[2], 'txn', ARGV[10], 'instance_id', ARGV[1], 'from', cur, 'to', to,
  'reason', ARGV[9], 'operator', ARGV[6], 'redis_user', ARGV[7], 'host', ARGV[8], 'time', now, 'time_ms', at,
  'mark_restart', ARGV[4] == '1' and '1' or '0'))
if why then
  return {denied and 'DENIED' or 'SERVER_ERROR', cur, 'HSET ' .. KEYS[2] .. ' failed (' .. why .. '); nothing was written'}
end
why, denied = failed(redis.pcall('HSET', KEYS[1], 'state', to, 'last_updated_at', now))
if why then
  -- The state did not change: take the record back (or mark it void, with the command that just succeeded).
  if not failed(redis.pcall('DEL', KEYS[2])) then
    return {denied and 'DENIED' or 'SERVER_ERROR', cur, 'HSET ' .. KEYS[1] .. ' failed (' .. why .. '); nothing was written'}
  end
  redis.pcall('HSET', KEYS[2], 'aborted', '1')
  return {'SERVER_ERROR', cur, 'HSET ' .. KEYS[1] .. ' failed (' .. why .. '); the state did not change; '
    .. KEYS[2] .. ' could not be deleted and is marked aborted (recovery deletes it)'}
end
return {'CHANGED', to, cur, now, at}
