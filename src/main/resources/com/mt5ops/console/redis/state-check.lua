-- Shared by the transition scripts (sent in front of them): the compare-and-set and the transition table.
-- cur: the instance's state field (nil when missing); expected: 'any' | 'missing' | 'is:<state>'; to: the target;
-- allowed: " from>to " pairs. Returns nil when the transition may go ahead, else the reply that refuses it.
local function refuse_transition(script, cur, expected, to, allowed)
  if expected == 'missing' then
    if cur then return {'CONFLICT', cur, 'state is now ' .. cur} end
  elseif string.sub(expected, 1, 3) == 'is:' then
    if cur ~= string.sub(expected, 4) then
      return {'CONFLICT', cur or '', cur and ('state is now ' .. cur) or 'the state field is missing now'}
    end
  elseif expected ~= 'any' then
    return redis.error_reply(script .. ': expected state must be any, missing or is:<state>, not ' .. expected)
  end
  if not cur then return {'NOT_ALLOWED', '', 'the instance has no state field; no transition starts from there'} end
  if not string.find(allowed, ' ' .. cur .. '>' .. to .. ' ', 1, true) then
    return {'NOT_ALLOWED', cur, cur .. ' -> ' .. to .. ' is not an allowed transition'}
  end
  return nil
end
